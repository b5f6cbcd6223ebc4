import { FEEDBACK_RATINGS } from '@harbour/shared';
import type { Scenario } from '../scenario';

/** The foundation's one read: satisfaction counts grouped from every feedback record. */
export const feedbackSummary: Scenario = {
  name: 'feedback-summary',
  description:
    'feedbackSummary query ($group over all feedback) vs the same aggregate on the driver',
  defaultSize: 5000,
  async seed(db, size) {
    const now = Date.now();
    const documents = Array.from({ length: size }, (_, i) => ({
      rating: FEEDBACK_RATINGS[i % FEEDBACK_RATINGS.length],
      comments: i % 3 === 0 ? 'Synthetic benchmark comment' : undefined,
      page: '/families',
      createdAt: new Date(now - i * 60_000),
    }));
    for (let i = 0; i < documents.length; i += 1000) {
      await db.collection('feedback').insertMany(documents.slice(i, i + 1000));
    }
  },
  request: {
    query:
      'query BenchFeedbackSummary { feedbackSummary { total satisfiedPercent ratings { rating count } } }',
  },
  raw: (db) =>
    db
      .collection('feedback')
      .aggregate([{ $group: { _id: '$rating', count: { $sum: 1 } } }])
      .toArray(),
};
