/**
 * Keeps the commissioners' summary cells up to date as records change, and rebuilds them
 * from the source collections (`npm run insights:rebuild`).
 *
 * Following: every write through a source model leaves a note of the record it changed
 * (insights.changes.ts); catching up reads the notes, works out those records'
 * contributions afresh and adds only the difference from the last ones, then deletes the
 * notes it read (reading a record twice adds nothing).
 *
 * One writer: catching up holds a lease (platform/leases.ts), so the read-add-write of the
 * cells is never interleaved, on FerretDB v1 as on MongoDB. Each batch's results are first
 * saved whole in the state document and then written; a crash part-way is finished by
 * writing them again, so nothing is added twice.
 */
import type { Logger } from '../../platform/logger';
import { letGo, releaseLease, takeLease, waitForLease } from '../../platform/leases';
import {
  applyDelta,
  difference,
  periodOf,
  type Contribution,
  type Metrics,
} from './insights.cells';
import { InsightCellModel, InsightContributionModel, InsightStateModel } from './insights.model';
import {
  InsightChangeModel,
  notesWritten,
  SOURCE_NAMES,
  type SourceName,
} from './insights.changes';
import {
  findEach,
  newLookups,
  readAhead,
  SOURCES,
  type Doc,
  type Lookups,
} from './insights.sources';

const STATE_ID = 'summaries';
const LEASE = 'insights:summaries';
const LEASE_MS = 5 * 60_000;
/** Notes of changed records read at a time. */
const NOTES = 2000;
/** A copy more versions behind than this loads its periods again. */
const MAX_VERSIONS_TO_READ = 50;
const PAGE = 500;
const WRITE_CHUNK = 1000;

/** A cell or a record's part in one, as stored (FerretDB v1 keeps no arrays in arrays). */
interface Stored {
  k: string;
  m: Metrics;
}

interface Batch {
  version: number;
  cells: Stored[];
  contributions: { k: string; c: Stored[] }[];
}

const asStored = (contribution: Contribution): Stored[] =>
  [...contribution].map(([k, m]) => ({ k, m }));

interface State {
  version: number;
  generation: number;
  batch: Batch | null;
  rebuildingSince?: Date | null;
}

export interface RebuildReport {
  /** False when there were no kept figures to compare (never built, or a rebuild cut short). */
  compared: boolean;
  agreed: boolean;
  /** Cells where the kept figures and the rebuilt ones differ (up to 20). */
  differences: { key: string; kept: Metrics; rebuilt: Metrics }[];
  cells: number;
  records: number;
  ms: number;
}

const entity = (source: SourceName, id: string) => `${source}:${id}`;

function withoutZeros(metrics: Metrics | undefined): Metrics {
  return Object.fromEntries(Object.entries(metrics ?? {}).filter(([, value]) => value !== 0));
}

function sameMetrics(a: Metrics | undefined, b: Metrics | undefined) {
  const [x, y] = [withoutZeros(a), withoutZeros(b)];
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((key) => x[key] === y[key]);
}

/**
 * Empties a collection by dropping it and making its indexes again. FerretDB v1 on
 * PostgreSQL cannot `deleteMany` more than 65,535 documents at once ("extended protocol
 * limited to 65535 parameters"), and the rebuild replaces hundreds of thousands.
 */
async function emptied(model: typeof InsightCellModel | typeof InsightContributionModel) {
  await model.collection.drop().catch((error: { codeName?: string }) => {
    if (error.codeName !== 'NamespaceNotFound') throw error;
  });
  await model.createCollection();
  await model.createIndexes();
}

export class InsightSummaries {
  constructor(private readonly log: Logger) {}

  private async state(): Promise<State> {
    const found = await InsightStateModel.findById(STATE_ID).lean();
    if (found) return found as unknown as State;
    await InsightStateModel.updateOne(
      { _id: STATE_ID },
      { $setOnInsert: { version: 0, generation: 0, batch: null } },
      { upsert: true },
    );
    return { version: 0, generation: 0, batch: null };
  }

  /** The version and generation now, for copies deciding what to read. */
  async position(): Promise<{ version: number; generation: number }> {
    const { version, generation } = await this.state();
    return { version, generation };
  }

  /**
   * Brings the cells up to date with every source. Returns false without waiting when
   * another process is catching up (its figures will be there in a moment).
   */
  async catchUp(): Promise<boolean> {
    if (!(await takeLease(LEASE, LEASE_MS))) return false;
    try {
      const state = await this.state();
      // Never built, or a rebuild stopped part-way: building from scratch is quicker than
      // following every record's history, and finishes what was cut short.
      if (state.generation === 0 || state.rebuildingSince) await this.rebuildHeld(state);
      else {
        if (state.batch) await this.write(state.batch, state);
        await this.follow(state);
      }
      return true;
    } finally {
      await releaseLease(LEASE);
    }
  }

  /** Brings up to date every record a note says changed, then deletes the notes read. */
  private async follow(state: State) {
    await notesWritten();
    // Stop well inside the lease; what is left is the next catch-up's.
    const deadline = Date.now() + LEASE_MS / 2;
    while (Date.now() < deadline) {
      const notes = await InsightChangeModel.find({}).limit(NOTES).lean();
      if (!notes.length) return;
      const pending = Object.fromEntries(
        SOURCE_NAMES.map((name) => [name, new Set<string>()]),
      ) as Record<SourceName, Set<string>>;
      for (const { source, record } of notes) pending[source as SourceName].add(record);
      // In SOURCE_NAMES order, so a listing's sessions, a session's bookings and a booking's
      // child are brought up to date after what they depend on.
      for (const name of SOURCE_NAMES) {
        const source = SOURCES[name];
        const ids = [...pending[name]];
        for (let start = 0; start < ids.length; start += PAGE) {
          const chunk = ids.slice(start, start + PAGE);
          const dependants = await source.dependants?.(chunk);
          if (dependants) for (const id of dependants.ids) pending[dependants.source].add(id);
          const fresh = await source.contributions(chunk);
          await this.addChanges(
            state,
            new Map([...fresh].map(([id, contribution]) => [entity(name, id), contribution])),
          );
        }
      }
      await InsightChangeModel.deleteMany({ _id: { $in: notes.map((doc) => doc._id) } });
      if (notes.length < NOTES) return;
    }
  }

  /** Adds the difference between records' new and last contributions, as one batch. */
  private async addChanges(state: State, fresh: Map<string, Contribution>) {
    const before = await findEach(InsightContributionModel, '_id', [...fresh.keys()], {});
    const last = new Map(
      before.map(
        (doc) => [String(doc._id), new Map((doc.c as Stored[]).map(({ k, m }) => [k, m]))] as const,
      ),
    );
    const delta: Contribution = new Map();
    const changedRecords: Batch['contributions'] = [];
    for (const [key, contribution] of fresh) {
      const change = difference(contribution, last.get(key) ?? new Map());
      if (!change.size) continue;
      applyDelta(delta, change);
      changedRecords.push({ k: key, c: asStored(contribution) });
    }
    if (!changedRecords.length) return;
    const cells = new Map<string, Metrics>();
    const stored = await findEach(InsightCellModel, '_id', [...delta.keys()], { m: 1 });
    for (const cell of stored) cells.set(String(cell._id), cell.m as Metrics);
    applyDelta(cells, delta);
    const batch: Batch = {
      version: state.version + 1,
      cells: [...delta.keys()].map((k) => ({ k, m: cells.get(k) ?? {} })),
      contributions: changedRecords,
    };
    await InsightStateModel.updateOne({ _id: STATE_ID }, { $set: { batch } });
    await this.write(batch, state);
  }

  /** Writes a batch's absolute results (again, after a crash: the same outcome). */
  private async write(batch: Batch, state: State) {
    for (let start = 0; start < batch.cells.length; start += WRITE_CHUNK) {
      await InsightCellModel.bulkWrite(
        batch.cells.slice(start, start + WRITE_CHUNK).map(({ k, m }) => ({
          replaceOne: {
            filter: { _id: k },
            replacement: { _id: k, period: periodOf(k), m, v: batch.version },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    }
    for (let start = 0; start < batch.contributions.length; start += WRITE_CHUNK) {
      await InsightContributionModel.bulkWrite(
        batch.contributions
          .slice(start, start + WRITE_CHUNK)
          .map(({ k, c }) =>
            c.length
              ? { replaceOne: { filter: { _id: k }, replacement: { _id: k, c }, upsert: true } }
              : { deleteOne: { filter: { _id: k } } },
          ),
        { ordered: false },
      );
    }
    await InsightStateModel.updateOne(
      { _id: STATE_ID },
      { $set: { version: batch.version, batch: null } },
    );
    state.version = batch.version;
    state.batch = null;
  }

  /**
   * Every source record's contribution and their sums, read from scratch: the
   * straightforward way to answer a panel, and what the rebuild stores. Given `store`, the
   * contributions are handed to it a chunk at a time while reading goes on (two writes at
   * most in flight), and not kept.
   */
  async scan(
    store?: (records: { _id: string; c: Stored[] }[]) => Promise<unknown>,
  ): Promise<{ cells: Map<string, Metrics>; records: number }> {
    const lookups = newLookups();
    const cells = new Map<string, Metrics>();
    let records = 0;
    let chunk: { _id: string; c: Stored[] }[] = [];
    const writing = new Set<Promise<unknown>>();
    const flush = async () => {
      if (!store || !chunk.length) return;
      const write = store(chunk);
      chunk = [];
      writing.add(write);
      write.then(
        () => writing.delete(write),
        () => undefined, // reported by the race or the final wait below
      );
      if (writing.size >= 2) await Promise.race(writing);
    };
    // Every collection is read at once (each waits for its turn here, already read), so the
    // database works on the next while this process works through one.
    const reads = SOURCE_NAMES.map((name) => ({ name, read: readAhead(SOURCES[name].everything) }));
    try {
      for (const { name, read } of reads) {
        await this.scanSource(name, read.docs, lookups, (id, contribution) => {
          applyDelta(cells, contribution);
          records += 1;
          if (!store) return;
          chunk.push({ _id: entity(name, id), c: asStored(contribution) });
          return chunk.length >= WRITE_CHUNK ? flush() : undefined;
        });
      }
    } finally {
      await Promise.all(reads.map(({ read }) => read.stop()));
    }
    await flush();
    await Promise.all(writing);
    return { cells, records };
  }

  private async scanSource(
    name: SourceName,
    docs: AsyncIterable<Doc>,
    lookups: Lookups,
    add: (id: string, contribution: Contribution) => Promise<void> | undefined,
  ) {
    const started = Date.now();
    for await (const [id, contribution] of SOURCES[name].scanAll(docs, lookups)) {
      if (contribution.size) await add(id, contribution);
    }
    this.log.debug({ source: name, ms: Date.now() - started }, 'insights source scanned');
  }

  /**
   * Sums every source record's contribution from scratch, compares the result with the
   * kept cells, then replaces them. Waits for any catch-up in progress to finish.
   */
  async rebuild(): Promise<RebuildReport> {
    // Waits out a catch-up in progress, or one whose process died.
    const lease = await waitForLease(LEASE, LEASE_MS, LEASE_MS + 60_000);
    try {
      return await this.rebuildHeld(await this.state());
    } finally {
      await letGo(lease);
    }
  }

  private async rebuildHeld(current: State): Promise<RebuildReport> {
    const started = Date.now();
    const phases: Record<string, number> = {};
    let lapped = started;
    const lap = (phase: string) => {
      phases[phase] = Date.now() - lapped;
      lapped = Date.now();
    };
    let state = current;
    if (state.batch) await this.write(state.batch, state);
    const compared = state.generation > 0 && !state.rebuildingSince;
    if (compared) await this.follow(state);
    await InsightStateModel.updateOne({ _id: STATE_ID }, { $set: { rebuildingSince: new Date() } });
    lap('caughtUp');

    await emptied(InsightContributionModel);
    lap('emptied');
    const { cells: rebuilt, records } = await this.scan((chunk) =>
      InsightContributionModel.insertMany(chunk, { ordered: false, lean: true }),
    );
    lap('scanned');

    const differences: RebuildReport['differences'] = [];
    if (compared) {
      const kept = new Map<string, Metrics>();
      for await (const cell of InsightCellModel.find({}, { m: 1 }).lean().cursor()) {
        kept.set(cell._id, cell.m as Metrics);
      }
      for (const key of new Set([...kept.keys(), ...rebuilt.keys()])) {
        if (!sameMetrics(kept.get(key), rebuilt.get(key)) && differences.length < 20) {
          differences.push({ key, kept: kept.get(key) ?? {}, rebuilt: rebuilt.get(key) ?? {} });
        }
      }
      lap('compared');
    }

    state = await this.state();
    const version = state.version + 1;
    await emptied(InsightCellModel);
    const cells = [...rebuilt].map(([key, m]) => ({
      _id: key,
      period: periodOf(key),
      m,
      v: version,
    }));
    for (let start = 0; start < cells.length; start += WRITE_CHUNK) {
      await InsightCellModel.insertMany(cells.slice(start, start + WRITE_CHUNK), {
        ordered: false,
        lean: true,
      });
    }
    await InsightStateModel.updateOne(
      { _id: STATE_ID },
      { $set: { version, generation: state.generation + 1, rebuildingSince: null } },
    );
    lap('written');
    const report = {
      compared,
      agreed: differences.length === 0,
      differences,
      cells: cells.length,
      records,
      ms: Date.now() - started,
    };
    this.log.info({ ...report, differences: differences.length, phases }, 'insights rebuilt');
    return report;
  }
}

/**
 * A server's copy of the cells it has been asked for, by period, brought up to date by
 * reading only cells whose version is newer (and everything again after a rebuild).
 */
export class CellsCopy {
  private generation = -1;
  private version = 0;
  private readonly periods = new Map<string, Map<string, Metrics>>();

  constructor(private readonly summaries: InsightSummaries) {}

  /**
   * The cells of `periods`, current as of now. Each read asks by equality (a version, a
   * period), which FerretDB v1 answers from an index; after many changes it reloads.
   */
  async read(periods: string[]): Promise<Map<string, Metrics>> {
    const { version, generation } = await this.summaries.position();
    if (generation !== this.generation || version - this.version > MAX_VERSIONS_TO_READ) {
      this.periods.clear();
      this.generation = generation;
    } else {
      for (let v = this.version + 1; v <= version; v += 1) {
        const changed = await InsightCellModel.find({ v }, { period: 1, m: 1 }).lean();
        for (const cell of changed) this.periods.get(cell.period)?.set(cell._id, cell.m as Metrics);
      }
    }
    this.version = version;
    for (const period of periods.filter((wanted) => !this.periods.has(wanted))) {
      const loaded = await InsightCellModel.find({ period }, { m: 1 }).lean();
      this.periods.set(period, new Map(loaded.map((cell) => [cell._id, cell.m as Metrics])));
    }
    const cells = new Map<string, Metrics>();
    for (const period of periods) {
      for (const [key, metrics] of this.periods.get(period) ?? []) cells.set(key, metrics);
    }
    return cells;
  }
}
