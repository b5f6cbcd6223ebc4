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
  { stealAfterMs }: { stealAfterMs?: number } = {},
): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await LeaseModel.create({ _id: name, until: new Date(Date.now() + ms) });
      return true;
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
      const held = await LeaseModel.findById(name).lean();
      const takenAt = held ? held.until.getTime() - ms : 0;
      const abandoned = stealAfterMs !== undefined && takenAt <= Date.now() - stealAfterMs;
      if (held && held.until >= new Date() && !abandoned) return false;
      // Expired: remove that lease (not one taken since) and race for it once more.
      if (held) await LeaseModel.deleteOne({ _id: name, until: held.until });
    }
  }
  return false;
}

export async function releaseLease(name: string): Promise<void> {
  await LeaseModel.deleteOne({ _id: name });
}
