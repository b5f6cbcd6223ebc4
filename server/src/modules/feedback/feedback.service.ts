import { feedbackInputSchema, type FeedbackRating } from '@harbour/shared';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import { FeedbackModel } from './feedback.model';
import { summariseFeedback, type FeedbackSummary } from './feedback.rules';

export interface Feedback {
  id: string;
  rating: FeedbackRating;
  createdAt: Date;
}

/** What people tell us through the phase banner's feedback link. */
export class FeedbackService {
  async submit(input: unknown): Promise<{ userErrors: UserError[]; feedback: Feedback | null }> {
    const parsed = feedbackInputSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), feedback: null };
    const saved = await FeedbackModel.create(parsed.data);
    return {
      userErrors: [],
      feedback: { id: saved.id as string, rating: parsed.data.rating, createdAt: saved.createdAt },
    };
  }

  async summary(): Promise<FeedbackSummary> {
    const groups = await FeedbackModel.aggregate<{ _id: FeedbackRating; count: number }>([
      { $group: { _id: '$rating', count: { $sum: 1 } } },
    ]);
    return summariseFeedback(Object.fromEntries(groups.map((group) => [group._id, group.count])));
  }
}
