import { FEEDBACK_RATINGS, type FeedbackRating } from '@harbour/shared';

export interface FeedbackSummary {
  total: number;
  /** Share who were satisfied or very satisfied, rounded; null before anyone has answered. */
  satisfiedPercent: number | null;
  ratings: { rating: FeedbackRating; count: number }[];
}

/** User satisfaction as GOV.UK services report it, from counts per rating. */
export function summariseFeedback(
  counts: Partial<Record<FeedbackRating, number>>,
): FeedbackSummary {
  const ratings = FEEDBACK_RATINGS.map((rating) => ({ rating, count: counts[rating] ?? 0 }));
  const total = ratings.reduce((sum, { count }) => sum + count, 0);
  const satisfied = (counts.VERY_SATISFIED ?? 0) + (counts.SATISFIED ?? 0);
  return {
    total,
    satisfiedPercent: total === 0 ? null : Math.round((satisfied / total) * 100),
    ratings,
  };
}
