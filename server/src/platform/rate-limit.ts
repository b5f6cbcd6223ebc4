/**
 * A limit is a set of numbered slots in a time bucket; a request may go ahead when it wins
 * one slot of every limit it must pass. Each slot is a unique key, so winning one is an
 * atomic insert on MongoDB and FerretDB alike (a counter with a conditional update is not
 * atomic on FerretDB), and concurrent requests cannot both win the last slot.
 */
export interface RateLimit {
  /** Slot keys in the order to try; winning any one satisfies the limit. */
  slots: string[];
  /** When the bucket ends and its slots can be forgotten. */
  expiresAt: Date;
}

/** `count` slots for the fixed window of `lengthMs` that `now` falls in. */
export function timeBucketLimit(
  prefix: string,
  now: Date,
  lengthMs: number,
  count: number,
): RateLimit {
  const index = Math.floor(now.getTime() / lengthMs);
  return {
    slots: Array.from({ length: count }, (_, n) => `${prefix}:${index}:${n}`),
    expiresAt: new Date((index + 1) * lengthMs),
  };
}
