/**
 * One write serves everyone who asks for it while it waits its turn. For writes whose
 * value is taken when they run, such as stamping a record "changed now": of a hundred
 * bookings of one session at once, each needs the session stamped after its own change,
 * and one stamp written after all of them does that. Writes of one key run one at a time;
 * a caller arriving while a write runs gets the next one, which starts when that ends.
 */
export class SharedWrites {
  private readonly waiting = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();

  write(key: string, write: () => Promise<unknown>): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const before = this.running.get(key) ?? Promise.resolve();
    const next: Promise<void> = before
      .catch(() => undefined)
      .then(async () => {
        this.waiting.delete(key);
        this.running.set(key, next);
        try {
          await write();
        } finally {
          if (this.running.get(key) === next) this.running.delete(key);
        }
      });
    this.waiting.set(key, next);
    return next;
  }
}
