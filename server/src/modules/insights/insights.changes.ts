/**
 * Which source records changed since the summaries last looked: every write through the
 * source models leaves a note here (mongoose middleware, added to each source's schema
 * before its model is made), and the summaries' writer reads the notes, brings those
 * records' contributions up to date and deletes exactly the notes it read. A record changed
 * again meanwhile has a newer note, so it is looked at again. Notes are read whole: FerretDB
 * v1 cannot search a big collection by time in the database, and this one stays small.
 */
import { randomUUID } from 'node:crypto';
import { Schema, Types, type Query } from 'mongoose';
import { model } from '../../platform/models';
import { CHANGING_OPERATIONS } from '../../platform/database';
import { createLogger } from '../../platform/logger';

const log = createLogger(process.env.LOG_LEVEL ?? 'info').child({ module: 'insights' });

export const SOURCE_NAMES = [
  'listing',
  'session',
  'booking',
  'child',
  'fund',
  'journal',
  'decision',
  'search',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

const changeSchema = new Schema(
  {
    // Random, unlike an ObjectId, which would say to the second when a search was made.
    _id: { type: String, default: () => randomUUID() },
    source: { type: String, enum: SOURCE_NAMES, required: true },
    record: { type: String, required: true },
  },
  { collection: 'insight_changes', versionKey: false },
);
export const InsightChangeModel = model('InsightChange', changeSchema);

/**
 * Leaves the notes. A write that succeeded is never reported as failed for want of one:
 * a lost note is logged, and `npm run insights:rebuild` puts the figures right.
 */
async function note(source: SourceName, ids: readonly unknown[]) {
  if (!ids.length) return;
  try {
    await InsightChangeModel.insertMany(
      [...new Set(ids.map(String))].map((record) => ({ _id: randomUUID(), source, record })),
      { lean: true },
    );
  } catch (error) {
    log.warn(
      { err: error, source, records: ids.length },
      'could not note a change for the insights summaries',
    );
  }
}

type Noted = Query<unknown, unknown> & { insightRecords?: unknown[] };

/** The ids a query's filter picks: read from it where it names them, else looked up first. */
async function recordsOf(query: Noted): Promise<unknown[]> {
  const { _id: id } = query.getFilter() as { _id?: unknown };
  if (typeof id === 'string' || id instanceof Types.ObjectId) return [id];
  if (id && typeof id === 'object' && Array.isArray((id as { $in?: unknown[] }).$in))
    return (id as { $in: unknown[] }).$in;
  const found = await query.model.find(query.getFilter(), { _id: 1 }).lean();
  return (found as { _id: unknown }[]).map((doc) => doc._id);
}

const writing = new Set<Promise<void>>();

/**
 * Leaves the notes without holding up the write they follow (booking moves race each other
 * by design, and an extra wait in their path changes who wins); a catch-up in this process
 * waits for them first (`notesWritten`).
 */
function noteSoon(source: SourceName, ids: readonly unknown[]): void {
  const noting = note(source, ids);
  writing.add(noting);
  void noting.finally(() => writing.delete(noting));
}

/** Resolves once the notes this process has started writing are written. */
export async function notesWritten(): Promise<void> {
  await Promise.all(writing);
}

/** Notes every record the schema's model writes, for the summaries. */
export function noteChanges(schema: Schema, source: SourceName): void {
  schema.post('save', (doc: { _id: unknown }) => noteSoon(source, [doc._id]));
  schema.post('insertMany', function (docs: unknown) {
    noteSoon(
      source,
      (docs as { _id: unknown }[]).map((doc) => doc._id),
    );
  });
  for (const operation of CHANGING_OPERATIONS) {
    schema.pre(operation, async function (this: Noted) {
      this.insightRecords = await recordsOf(this);
    });
    schema.post(operation, async function (this: Noted, result: unknown) {
      // An upsert whose filter named no id made a record the filter did not find before.
      const upserted = (result as { upsertedId?: unknown } | null)?.upsertedId;
      noteSoon(source, [...(this.insightRecords ?? []), ...(upserted ? [upserted] : [])]);
    });
  }
}
