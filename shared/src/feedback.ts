import { z } from 'zod';
import { textSchema } from './validation';

/** The GOV.UK service satisfaction scale, best first. */
export const FEEDBACK_RATINGS = [
  'VERY_SATISFIED',
  'SATISFIED',
  'NEITHER',
  'DISSATISFIED',
  'VERY_DISSATISFIED',
] as const;

export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

export const FEEDBACK_COMMENTS_MAX = 1200;

export const feedbackInputSchema = z.object({
  rating: z.enum(FEEDBACK_RATINGS, { error: 'Select how you felt about the service' }),
  comments: textSchema('How we could improve', { max: FEEDBACK_COMMENTS_MAX }).optional(),
  page: z
    .string({ error: 'Page must be text' })
    .max(200, 'Page must be 200 characters or fewer')
    .regex(/^\/[\w\-/.?=&%]*$/, 'Page must be a path on this site, like /families')
    .optional(),
});

export type FeedbackInput = z.infer<typeof feedbackInputSchema>;
