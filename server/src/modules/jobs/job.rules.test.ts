import { afterFailure, retryDelayMs } from './job.rules';

describe('job retry rules', () => {
  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits more than ten minutes', () => {
    expect(retryDelayMs(40)).toBe(600_000);
  });

  it('tries again until the attempts are spent, then gives up', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(afterFailure(1, 3, now)).toEqual({
      state: 'queued',
      runAt: new Date('2026-11-25T10:00:01Z'),
    });
    expect(afterFailure(3, 3, now)).toEqual({ state: 'failed' });
  });
});
