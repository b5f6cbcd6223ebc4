/** When to try a failed job again: exponential backoff from 1 s, capped at 10 minutes. */
export function retryDelayMs(attempt: number, { baseMs = 1000, capMs = 10 * 60_000 } = {}): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), capMs);
}

export type FailureOutcome = { state: 'queued'; runAt: Date } | { state: 'failed' };

/** After a failed attempt: try again later, or give up once the attempts are spent. */
export function afterFailure(attempts: number, maxAttempts: number, now: Date): FailureOutcome {
  if (attempts >= maxAttempts) return { state: 'failed' };
  return { state: 'queued', runAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
