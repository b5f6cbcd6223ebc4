import { FEEDBACK_RATINGS, type FeedbackRating } from '@harbour/shared';
import { Schema, type InferSchemaType } from 'mongoose';
import { model } from '../../platform/models';

const feedbackSchema = new Schema(
  {
    rating: { type: String, enum: FEEDBACK_RATINGS, required: true },
    comments: { type: String, maxlength: 1200 },
    page: { type: String, maxlength: 200 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'feedback' },
);

feedbackSchema.index({ createdAt: -1 });

export type FeedbackDocument = InferSchemaType<typeof feedbackSchema> & {
  rating: FeedbackRating;
  createdAt: Date;
};

export const FeedbackModel = model('Feedback', feedbackSchema);
