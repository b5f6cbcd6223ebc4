import { timeBucketLimit } from './rate-limit';

describe('time-bucket rate limits', () => {
  const fiveMinutes = 5 * 60_000;

  it('gives the same numbered slots to every moment of one window, and new ones in the next', () => {
    const start = new Date('2026-12-05T10:00:00Z');
    const first = timeBucketLimit('reset:email:abc', start, fiveMinutes, 3);
    const late = timeBucketLimit(
      'reset:email:abc',
      new Date('2026-12-05T10:04:59.999Z'),
      fiveMinutes,
      3,
    );
    const next = timeBucketLimit(
      'reset:email:abc',
      new Date('2026-12-05T10:05:00Z'),
      fiveMinutes,
      3,
    );
    expect(first.slots).toHaveLength(3);
    expect(new Set(first.slots).size).toBe(3);
    expect(late.slots).toEqual(first.slots);
    expect(next.slots.some((slot) => first.slots.includes(slot))).toBe(false);
  });

  it('ends when its window ends', () => {
    const limit = timeBucketLimit('x', new Date('2026-12-05T10:03:00Z'), fiveMinutes, 1);
    expect(limit.expiresAt.toISOString()).toBe('2026-12-05T10:05:00.000Z');
  });

  it('keeps different keys apart', () => {
    const now = new Date();
    const a = timeBucketLimit('reset:email:a', now, fiveMinutes, 1);
    const b = timeBucketLimit('reset:email:b', now, fiveMinutes, 1);
    expect(a.slots[0]).not.toBe(b.slots[0]);
  });
});
