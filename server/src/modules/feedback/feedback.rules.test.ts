import { summariseFeedback } from './feedback.rules';

describe('feedback summary', () => {
  it('has no satisfaction score before anyone answers', () => {
    const summary = summariseFeedback({});
    expect(summary.total).toBe(0);
    expect(summary.satisfiedPercent).toBeNull();
    expect(summary.ratings.map((r) => r.count)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts satisfied and very satisfied as satisfied', () => {
    const summary = summariseFeedback({ VERY_SATISFIED: 1, SATISFIED: 1, NEITHER: 1 });
    expect(summary.total).toBe(3);
    expect(summary.satisfiedPercent).toBe(67);
  });

  it('lists every rating in the order of the scale', () => {
    const summary = summariseFeedback({ VERY_DISSATISFIED: 2 });
    expect(summary.ratings[0]).toEqual({ rating: 'VERY_SATISFIED', count: 0 });
    expect(summary.ratings[4]).toEqual({ rating: 'VERY_DISSATISFIED', count: 2 });
    expect(summary.satisfiedPercent).toBe(0);
  });
});
