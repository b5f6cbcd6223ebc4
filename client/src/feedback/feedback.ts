import { feedbackInputSchema, type FeedbackInput, type FeedbackRating } from '@harbour/shared';
import type { RadioOption } from '../govuk/Radios';

export const feedbackRatings: readonly RadioOption<FeedbackRating>[] = [
  { value: 'VERY_SATISFIED', label: 'Very satisfied' },
  { value: 'SATISFIED', label: 'Satisfied' },
  { value: 'NEITHER', label: 'Neither satisfied or dissatisfied' },
  { value: 'DISSATISFIED', label: 'Dissatisfied' },
  { value: 'VERY_DISSATISFIED', label: 'Very dissatisfied' },
];

export type FeedbackField = 'rating' | 'comments';

/** A problem the person can fix; `field` is null when it belongs to no question on the form. */
export type FeedbackError = { field: FeedbackField | null; message: string };

export type FeedbackAnswers = { rating: FeedbackRating | null; comments: string };

/**
 * Checks the answers with the schema the API uses, so that the form and the API refuse the same
 * things in the same words.
 */
export function parseFeedback(
  answers: FeedbackAnswers,
  page: string,
): { input: FeedbackInput } | { errors: FeedbackError[] } {
  const result = feedbackInputSchema.safeParse({
    rating: answers.rating ?? undefined,
    comments: answers.comments,
    page,
  });
  if (result.success) return { input: result.data };
  return {
    errors: result.error.issues.map((issue) => ({
      field: feedbackFieldAt(issue.path),
      message: issue.message,
    })),
  };
}

/** The form field at a path such as ["comments"] here, or ["input", "comments"] from the API. */
export function feedbackFieldAt(path: readonly PropertyKey[] | null): FeedbackField | null {
  const name = path?.at(-1);
  return name === 'rating' || name === 'comments' ? name : null;
}

/** The page a feedback link was followed from, if it is one the API will accept. */
export function feedbackPageFrom(linkState: unknown): string {
  const from = (linkState as { from?: unknown } | null)?.from;
  return typeof from === 'string' && feedbackInputSchema.shape.page.safeParse(from).success
    ? from
    : '/';
}
