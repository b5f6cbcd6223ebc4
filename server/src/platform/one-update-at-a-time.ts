import { Types, type Schema } from 'mongoose';
import { letGo, waitForLease, type HeldLease } from './leases';

/** Longest one update may hold its document; far more than any update takes. */
const HOLD_MS = 5_000;
/** Longer than HOLD_MS, so an update whose process died is outlasted rather than failed. */
const WAIT_MS = 6_000;

const UPDATES = ['updateOne', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'] as const;

type Update = {
  getFilter(): Record<string, unknown>;
  model: { collection: { collectionName: string } };
  heldForUpdate?: HeldLease;
};

/**
 * Updates of one document, one at a time. FerretDB v1 applies an update by reading the
 * whole document, changing it in memory and writing all of it back, so two updates of one
 * document at once lose one of them even when they set different fields (measured here: of
 * 10 concurrent `$set`s of different fields on one document, 8 were lost). Each update by
 * `_id` therefore waits for that document's lease, taken by a unique-key insert, which is
 * atomic there; with every update of a document behind it, a guarded update such as
 * `{ _id, seq }` is decided once as well. On MongoDB the lease costs two small writes.
 * Updates of many documents at once (`updateMany`) are not covered.
 */
export function oneUpdateAtATime(schema: Schema): void {
  for (const operation of UPDATES) {
    schema.pre(operation, async function (this: Update) {
      const id = singleId(this.getFilter()._id);
      if (id === null) return;
      this.heldForUpdate = await waitForLease(
        `update:${this.model.collection.collectionName}:${id}`,
        HOLD_MS,
        WAIT_MS,
      );
    });
    schema.post(operation, async function (this: Update) {
      await release(this);
    });
    schema.post(operation, { errorHandler: true }, async function (this: Update, error: Error) {
      await release(this);
      throw error;
    });
  }
}

async function release(update: Update): Promise<void> {
  const held = update.heldForUpdate;
  update.heldForUpdate = undefined;
  if (held) await letGo(held);
}

/** The one document an `_id` filter names, or null where it names several (`$in`) or none. */
function singleId(id: unknown): string | null {
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  if (id instanceof Types.ObjectId) return id.toHexString();
  return null;
}
