// `npm run bench -- database [--size N]`: FerretDB v1 on PostgreSQL against FerretDB v1 on
// SQLite (the baseline), one after the other in the same run, on the query shapes Harbour's
// modules rely on, and the concurrency facts its designs depend on: whether a guarded update
// is atomic (it is not on either), whether a unique-key insert is (it is), and transactions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { startFerretDb, type FerretDbBackend } from '../services/database';

const DISTRICTS = ['Exeter', 'East Devon', 'Mid Devon', 'North Devon', 'Torridge', 'West Devon'];
const RACERS = 50;
const TRIALS = 5;

interface Figures {
  seedSeconds: number;
  /** Median and 95th percentile milliseconds of each read, run one at a time. */
  reads: Record<string, { p50: number; p95: number }>;
  /** Of 50 concurrent `updateOne({_id, state: 'queued'})`, how many matched, per trial. */
  guardedUpdateMatches: number[];
  /** Of 50 concurrent inserts of one `_id`, how many succeeded, per trial. */
  uniqueInsertWins: number[];
  transactions: string;
}

export async function benchmarkDatabaseBackends(size: number) {
  const results: Partial<Record<FerretDbBackend, Figures>> = {};
  for (const backend of ['sqlite', 'postgresql'] as const) {
    console.log(`\nFerretDB on ${backend}: seeding ${size} documents…`);
    const server = await startFerretDb({
      dataRoot: mkdtempSync(join(tmpdir(), `harbour-bench-${backend}-`)),
      backend,
      durable: false,
    });
    const client = await MongoClient.connect(`${server.uri}&maxPoolSize=${RACERS}`);
    try {
      results[backend] = await measure(client.db('bench_backends'), client, size);
    } finally {
      await client.close();
      await server.stop();
    }
  }
  if (results.sqlite && results.postgresql) report(size, results.sqlite, results.postgresql);
}

async function measure(db: Db, client: MongoClient, size: number): Promise<Figures> {
  const items = db.collection('items');
  await items.createIndex({ ref: 1 }, { unique: true });
  await items.createIndex({ serviceId: 1, startsAt: 1 });
  const seedStarted = Date.now();
  const start = Date.UTC(2027, 0, 4, 16);
  for (let from = 0; from < size; from += 1000) {
    await items.insertMany(
      Array.from({ length: Math.min(1000, size - from) }, (_, offset) => {
        const i = from + offset;
        return {
          _id: new ObjectId(),
          ref: `r-${i}`,
          serviceId: `s-${i % 500}`,
          district: DISTRICTS[i % DISTRICTS.length],
          startsAt: new Date(start + Math.floor(i / 500) * 7 * 86_400_000),
          places: 8 + (i % 5),
          pence: 1500 + (i % 7) * 250,
        };
      }),
    );
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const someId = (await items.findOne({ ref: `r-${Math.floor(size / 2)}` }))?._id;
  const after = new Date(start + 10 * 7 * 86_400_000);

  const reads = {
    'find by _id': await time(() => items.findOne({ _id: someId })),
    'find by indexed field': await time(() => items.findOne({ ref: `r-${size - 7}` })),
    'range + sort + limit 20': await time(() =>
      items
        .find({ serviceId: 's-42', startsAt: { $gte: after } })
        .sort({ startsAt: 1 })
        .limit(20)
        .toArray(),
    ),
    'count by district': await time(() => items.countDocuments({ district: 'Torridge' })),
    '$group by district': await time(
      () =>
        items.aggregate([{ $group: { _id: '$district', places: { $sum: '$places' } } }]).toArray(),
      5,
    ),
  };

  const guardedUpdateMatches: number[] = [];
  const uniqueInsertWins: number[] = [];
  const jobs = db.collection('jobs');
  const claims = db.collection('claims');
  for (let trial = 0; trial < TRIALS; trial += 1) {
    const jobId = `job-${trial}`;
    await jobs.insertOne({ _id: jobId as unknown as ObjectId, state: 'queued' });
    const updates = await Promise.all(
      Array.from({ length: RACERS }, () =>
        jobs.updateOne(
          { _id: jobId as unknown as ObjectId, state: 'queued' },
          { $set: { state: 'claimed' } },
        ),
      ),
    );
    guardedUpdateMatches.push(updates.reduce((sum, u) => sum + u.modifiedCount, 0));
    const inserts = await Promise.allSettled(
      Array.from({ length: RACERS }, () =>
        claims.insertOne({ _id: `claim-${trial}` as unknown as ObjectId }),
      ),
    );
    uniqueInsertWins.push(inserts.filter((i) => i.status === 'fulfilled').length);
  }

  let transactions = 'work';
  const session = client.startSession();
  try {
    await session.withTransaction(() => items.insertOne({ ref: 'in-a-transaction' }, { session }));
  } catch (error) {
    transactions = `fail (${(error as Error).message.slice(0, 60)})`;
  } finally {
    await session.endSession();
  }
  return { seedSeconds, reads, guardedUpdateMatches, uniqueInsertWins, transactions };
}

async function time(read: () => Promise<unknown>, runs = 30) {
  await read();
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    await read();
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) =>
    timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

function report(size: number, sqlite: Figures, postgresql: Figures) {
  const ms = (value: number) => value.toFixed(1).padStart(9);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(3)}×`.padStart(10);
  console.log(`\ndatabase: FerretDB v1 backends, ${size} documents, reads one at a time`);
  console.log(
    `${''.padEnd(26)}${'SQLite p50'.padStart(11)}${'p95'.padStart(9)}${'PG p50'.padStart(9)}${'p95'.padStart(9)}${'PG/SQLite'.padStart(10)}`,
  );
  for (const [name, base] of Object.entries(sqlite.reads)) {
    const pg = postgresql.reads[name];
    if (!pg) continue;
    console.log(
      `${name.padEnd(26)}${ms(base.p50).padStart(11)}${ms(base.p95)}${ms(pg.p50)}${ms(pg.p95)}${ratio(pg.p50, base.p50)}`,
    );
  }
  console.log(
    `${'seed (s)'.padEnd(26)}${sqlite.seedSeconds.toFixed(1).padStart(11)}${''.padStart(9)}${postgresql.seedSeconds.toFixed(1).padStart(9)}${''.padStart(9)}${ratio(postgresql.seedSeconds, sqlite.seedSeconds)}`,
  );
  const list = (values: number[]) => values.join(', ');
  console.log(
    `guarded updateOne, ${RACERS} at once, matched: SQLite ${list(sqlite.guardedUpdateMatches)}; PostgreSQL ${list(postgresql.guardedUpdateMatches)} (1 would be atomic)`,
  );
  console.log(
    `unique _id insert, ${RACERS} at once, succeeded: SQLite ${list(sqlite.uniqueInsertWins)}; PostgreSQL ${list(postgresql.uniqueInsertWins)}`,
  );
  console.log(`transactions: SQLite ${sqlite.transactions}; PostgreSQL ${postgresql.transactions}`);
}
