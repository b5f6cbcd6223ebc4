import { model, Schema } from 'mongoose';
import { isDuplicateKey } from './database';

/**
 * A lease: one holder at a time of something named (a journal being applied, a waiting list
 * being offered), taken by inserting a document with a unique `_id`, so that it holds on
 * FerretDB v1 too, where a conditional update is not atomic. A lease whose holder died ends
 * on its own when `until` passes.
 */
const leaseSchema = new Schema(
  { _id: { type: String, required: true }, until: { type: Date, required: true } },
  { collection: 'leases', versionKey: false },
);
const LeaseModel = model('Lease', leaseSchema);

/**
 * Takes the lease for `ms`, or returns false while someone else holds it. A reconciler that
 * knows a holder must be dead (its work is older than any live one's) passes `stealAfterMs`
 * to take a lease taken longer ago than that, even if it has not run out.
 */
export async function takeLease(
  name: string,
  ms: number,
  options: { stealAfterMs?: number } = {},
): Promise<boolean> {
  return (await holdLease(name, ms, options)) !== null;
}

/** As `takeLease`, but gives the lease's end, by which its holder lets go of that lease only. */
async function holdLease(
  name: string,
  ms: number,
  { stealAfterMs }: { stealAfterMs?: number } = {},
): Promise<Date | null> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const until = new Date(Date.now() + ms);
      await LeaseModel.create({ _id: name, until });
      return until;
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
      const held = await LeaseModel.findById(name).lean();
      const takenAt = held ? held.until.getTime() - ms : 0;
      const abandoned = stealAfterMs !== undefined && takenAt <= Date.now() - stealAfterMs;
      if (held && held.until >= new Date() && !abandoned) return null;
      // Expired: remove that lease (not one taken since) and race for it once more.
      if (held) await LeaseModel.deleteOne({ _id: name, until: held.until });
    }
  }
  return null;
}

export interface HeldLease {
  name: string;
  until: Date;
}

/**
 * Waits for the lease, however briefly others hold it, for at most `waitMs` (longer than
 * `ms`, so a holder that died is outlasted); throws if it is still held after that.
 */
export async function waitForLease(name: string, ms: number, waitMs: number): Promise<HeldLease> {
  const giveUpAt = Date.now() + waitMs;
  // Asks again soon for a short wait, and at most 600 times or so for a long one.
  const longestPause = Math.min(500, Math.max(25, waitMs / 600));
  for (let pause = 1; ; pause = Math.min(pause * 2, longestPause)) {
    const until = await holdLease(name, ms);
    if (until) return { name, until };
    if (Date.now() >= giveUpAt) {
      throw new Error(`"${name}" stayed busy for ${waitMs} ms; try again in a moment`);
    }
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
  }
}

/** Lets go of a lease waited for, unless it ran out and someone else holds it now. */
export async function letGo(lease: HeldLease): Promise<void> {
  await LeaseModel.deleteOne({ _id: lease.name, until: lease.until });
}

export async function releaseLease(name: string): Promise<void> {
  await LeaseModel.deleteOne({ _id: name });
}
