// `npm run bench -- booking`: the booking mechanism on the embedded database, in-process
// against the real services (no HTTP: what is measured is the claims, transitions and reads):
//  (a) one hot session with 8 places and 300 contenders at once: time until all are answered;
//  (b) bookings per second across 1,000 sessions from 16 concurrent clients, next to the raw
//      operation the mechanism rests on (a unique-key insert) at the same concurrency;
//  (c) with 200,000 bookings stored: "Your bookings" for one family and one session's
//      register, p50 and p95 over 100 reads each;
//  (d) funded bookings per second (each split across a pooled fund, the child's personal
//      budget and a card through stripe-mock) next to unfunded (free) ones, same clients;
//  (e) `ledger:check` over 1,000,000 postings, next to a raw read of the same entries.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, ObjectId } from 'mongodb';
import { STAFF_SKILLS } from '@harbour/shared';
import { startHarbour } from '../../server/src/harbour';
import { loadConfig } from '../../server/src/platform/config';
import type { SignedInActor } from '../../server/src/modules/access/actor';
import { databaseUri, startDatabase } from '../services/database';
import { startStripeMock } from '../services/stripe-mock';

const CONTENDERS = 300;
const CLIENTS = 16;
const SECONDS = 10;
const STORED = 200_000;
const POSTINGS = 1_000_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function forSeconds(
  seconds: number,
  clients: number,
  work: (client: number) => Promise<void>,
) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < until) {
        await work(client);
        done += 1;
      }
    }),
  );
  return done / seconds;
}

export async function benchmarkBooking() {
  const server = await startDatabase({
    dataRoot: mkdtempSync(join(tmpdir(), 'harbour-bench-booking-')),
    durable: false,
  });
  const uri = databaseUri(server.uri, `bench_booking_${Date.now()}`);
  const stripe = await startStripeMock();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    MONGODB_URI: uri,
    HARBOUR_DATABASE_KIND: server.kind,
    ...(server.backend && { HARBOUR_FERRETDB_BACKEND: server.backend }),
    LOG_LEVEL: 'warn',
    STRIPE_API_URL: stripe.url,
    DEMO_SEED: 'true',
    DEMO_PROVIDERS: '3',
    DEMO_FAMILIES: String(CONTENDERS),
    WORKER_IN_PROCESS: 'false',
  });
  console.log(
    `Seeding ${CONTENDERS} families on ${server.kind}${server.backend ? `/${server.backend}` : ''}…`,
  );
  const harbour = await startHarbour(config);
  const client = await MongoClient.connect(uri, { maxPoolSize: CLIENTS });
  try {
    await harbour.ready;
    const { services } = harbour;
    const actor = async (email: string) => {
      const account = await services.accounts.accountByEmail(email);
      return account ? services.accounts.actorFor(account.id, 'bench') : null;
    };
    const admin = await actor('admin@demo.harbour.test');
    if (!admin) throw new Error('the demo admin is missing');
    const families: { actor: SignedInActor; childId: string }[] = [];
    for (let n = 1; n <= CONTENDERS; n += 1) {
      const family = await actor(`family-${String(n).padStart(3, '0')}@demo.harbour.test`);
      const [child] = family ? ((await services.families.family(family))?.children ?? []) : [];
      if (family && child) families.push({ actor: family, childId: child.id });
    }
    // A service every child may book: ages 0–25, every ratio and skill, families may pay.
    const [somewhere] = await services.directory.allListings();
    if (!somewhere) throw new Error('the demo directory has no listings');
    const { serviceId } = await services.directory.upsertService({
      organisationId: somewhere.organisationId,
      locationIds: [somewhere.locationId],
      name: 'Benchmark Club',
      type: 'INCLUSIVE_ACTIVITY',
      minAge: 0,
      maxAge: 25,
      ratios: ['GROUP', 'ONE_TO_ONE', 'TWO_TO_ONE'],
      skills: [...STAFF_SKILLS.codes],
      funding: ['SELF_PAY'],
    });
    const listing = {
      id: `${serviceId}:${somewhere.locationId}`,
      organisationId: somewhere.organisationId,
    };
    const terms = (places: number) => ({
      places,
      staff: 200,
      groupRatio: 4,
      minAge: 0,
      maxAge: 25,
      opensDaysBefore: 365,
      closesHoursBefore: 0,
      pricePence: 0,
      freeCancellationHours: 24,
    });
    const future = new Date(Date.now() + 20 * 24 * 3600_000).toISOString().slice(0, 10);

    // (a) One hot session.
    const hot = await services.sessions.createSeries(admin, {
      listingId: listing.id,
      schedule: { pattern: 'ONE_OFF', firstDate: future, startTime: '16:00', endTime: '18:00' },
      terms: terms(8),
    });
    const hotId = hot.sessions[0]?.id ?? '';
    const started = performance.now();
    const answers = await Promise.all(
      families.map((f) =>
        services.bookings.book(f.actor, {
          childId: f.childId,
          sessionIds: [hotId],
          whenFull: 'WAITLIST',
        }),
      ),
    );
    const hotMs = performance.now() - started;
    const states = answers.map((a) => a.bookings[0]?.state ?? a.userErrors[0]?.code);
    console.log(
      `\n(a) one hot session, ${families.length} contenders: all answered in ${hotMs.toFixed(0)} ms; ` +
        `${states.filter((s) => s === 'CONFIRMED').length} confirmed, ${states.filter((s) => s === 'WAITLISTED').length} waitlisted, ` +
        `${states.filter((s) => s !== 'CONFIRMED' && s !== 'WAITLISTED').length} other`,
    );

    // (b) Throughput across 1,000 sessions.
    // Three daily series over the booking window: 1,000 sessions.
    const sessionIds: string[] = [];
    for (let series = 0; series < 3; series += 1) {
      const many = await services.sessions.createSeries(admin, {
        listingId: listing.id,
        schedule: {
          pattern: 'HOLIDAY_SCHEME',
          firstDate: future,
          count: 334,
          lastDate: new Date(Date.now() + 360 * 24 * 3600_000).toISOString().slice(0, 10),
          days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
          startTime: '10:00',
          endTime: '12:00',
        },
        terms: terms(400),
      });
      sessionIds.push(...many.sessions.map((s) => s.id));
    }
    let next = 0;
    const bookingsPerSecond = await forSeconds(SECONDS, CLIENTS, async () => {
      const n = next++;
      const family = families[n % families.length];
      const sessionId = sessionIds[Math.floor(n / families.length) % sessionIds.length];
      if (!family || !sessionId) return;
      await services.bookings.book(family.actor, {
        childId: family.childId,
        sessionIds: [sessionId],
      });
    });
    const scratch = client.db().collection<{ _id: string }>('bench_claims');
    let raw = 0;
    const insertsPerSecond = await forSeconds(SECONDS, CLIENTS, async () => {
      await scratch.insertOne({ _id: `claim-${raw++}` });
    });
    console.log(
      `(b) ${sessionIds.length} sessions, ${CLIENTS} clients: ${bookingsPerSecond.toFixed(1)} bookings/s; ` +
        `raw unique-key inserts ${insertsPerSecond.toFixed(0)}/s; ratio ${(bookingsPerSecond / insertsPerSecond).toFixed(3)}×`,
    );

    // (d) Funded bookings: each a pool's part (the child's cap), a budget's and a card's.
    const commissioner = await actor('commissioner@demo.harbour.test');
    if (!commissioner) throw new Error('the demo commissioner is missing');
    await services.budgets.createPooledFund(commissioner, {
      name: 'Benchmark pool',
      totalPence: 900_000_000,
      perChildCapPence: 500,
    });
    for (const family of families) {
      await services.budgets.allocate(commissioner, {
        childId: family.childId,
        kind: 'PERSONAL_BUDGET',
        amountPence: 500,
        idempotencyKey: `bench-${family.childId}`,
      });
    }
    const funded = await services.directory.upsertService({
      organisationId: somewhere.organisationId,
      locationIds: [somewhere.locationId],
      name: 'Benchmark Funded Club',
      type: 'INCLUSIVE_ACTIVITY',
      minAge: 0,
      maxAge: 25,
      ratios: ['GROUP', 'ONE_TO_ONE', 'TWO_TO_ONE'],
      skills: [...STAFF_SKILLS.codes],
      funding: ['POOLED_FUND', 'PERSONAL_BUDGET', 'SELF_PAY'],
    });
    const fundedSessions: string[] = [];
    for (let series = 0; series < 3; series += 1) {
      const many = await services.sessions.createSeries(admin, {
        listingId: `${funded.serviceId}:${somewhere.locationId}`,
        schedule: {
          pattern: 'HOLIDAY_SCHEME',
          firstDate: future,
          lastDate: new Date(Date.now() + 360 * 24 * 3600_000).toISOString().slice(0, 10),
          days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
          startTime: '14:00',
          endTime: '16:00',
        },
        terms: { ...terms(400), pricePence: 1500 },
      });
      fundedSessions.push(...many.sessions.map((s) => s.id));
    }
    let nextFunded = 0;
    const split = { pool: 0, budget: 0, card: 0, other: 0 };
    const fundedPerSecond = await forSeconds(SECONDS, CLIENTS, async () => {
      const n = nextFunded++;
      const family = families[n % families.length];
      const sessionId = fundedSessions[Math.floor(n / families.length) % fundedSessions.length];
      if (!family || !sessionId) return;
      const reply = await services.bookings.book(family.actor, {
        childId: family.childId,
        sessionIds: [sessionId],
      });
      const sources = new Set(reply.bookings[0]?.fundingParts.map((p) => p.source));
      if (sources.has('POOLED_FUND') && sources.has('PERSONAL_BUDGET') && sources.has('CARD')) {
        split.pool += 1;
      } else if (sources.size) split.budget += 1;
      else split.other += 1;
    });
    console.log(
      `(d) ${CLIENTS} clients: ${fundedPerSecond.toFixed(1)} funded bookings/s (${split.pool} split three ways, ${split.budget} other splits, ${split.other} refused); ` +
        `unfunded ${bookingsPerSecond.toFixed(1)}/s; ratio ${(fundedPerSecond / bookingsPerSecond).toFixed(2)}×`,
    );

    // (c) Reads with 200,000 bookings stored.
    const bookings = client.db().collection('bookings');
    const stored = await bookings.countDocuments();
    const fake = (i: number) => ({
      reference: `HB-BENCH-${i}`,
      family: new ObjectId(),
      child: new ObjectId(),
      childName: 'Bench',
      session: new ObjectId(sessionIds[i % sessionIds.length]),
      series: new ObjectId(),
      organisation: new ObjectId(listing.organisationId),
      listingId: listing.id,
      startsAt: new Date(Date.now() + (1 + (i % 300)) * 24 * 3600_000),
      state: 'CANCELLED',
      seq: 2,
      supportNeeded: 'GROUP',
      supportUnits: 1,
      pricePence: 0,
      funding: 'NOT_NEEDED',
      bookedBy: new ObjectId(),
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const seedStarted = performance.now();
    for (let i = stored; i < STORED; i += 2000) {
      await bookings.insertMany(
        Array.from({ length: Math.min(2000, STORED - i) }, (_, k) => fake(i + k)),
      );
    }
    console.log(
      `    stored ${STORED} bookings in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
    );
    const [family] = families;
    if (!family) throw new Error('no demo families');
    const timed = async (read: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 100; i += 1) {
        const t = performance.now();
        await read();
        ms.push(performance.now() - t);
      }
      return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
    };
    const yours = await timed(() =>
      services.bookings.familyBookings(family.actor, 'UPCOMING', { first: 20 }),
    );
    // The register of the hot session (8 children booked), read as an admin checking it would.
    const register = await timed(() => services.bookings.register(admin, hotId));
    console.log(
      `(c) ${STORED} bookings stored: Your bookings p50 ${yours.p50.toFixed(1)} ms, p95 ${yours.p95.toFixed(1)} ms; ` +
        `a session's register p50 ${register.p50.toFixed(1)} ms, p95 ${register.p95.toFixed(1)} ms`,
    );

    // (e) The ledger check over 1,000,000 postings: allocations into 1,000 budgets, each a
    // journal of two postings (the world's, and the budget's chain entry with its balance).
    const journals = client.db().collection('journals');
    const entries = client.db().collection('ledger_entries');
    const already = await entries.countDocuments();
    const seqOf = new Map<number, { seq: number; balance: number }>();
    const stamp = new Date();
    const seedStart = performance.now();
    for (let j = 0; j < (POSTINGS - already) / 2; j += 2500) {
      const batch = Array.from(
        { length: Math.min(2500, (POSTINGS - already) / 2 - j) },
        (_, k) => j + k,
      );
      await journals.insertMany(
        batch.map((i) => ({
          _id: `bench-allocation-${i}` as unknown as ObjectId,
          reason: 'ALLOCATION',
          postings: [
            { account: 'world:council', amountPence: -100 },
            { account: `fund:bench${i % 1000}`, amountPence: 100 },
          ],
          fingerprint: 'bench',
          state: 'POSTED',
          memo: 'Benchmark allocation',
          actor: { kind: 'SYSTEM' },
          createdAt: stamp,
          updatedAt: stamp,
          postedAt: stamp,
        })),
      );
      await entries.insertMany(
        batch.flatMap((i) => {
          const chain = seqOf.get(i % 1000) ?? { seq: 0, balance: 0 };
          chain.seq += 1;
          chain.balance += 100;
          seqOf.set(i % 1000, chain);
          return [
            {
              _id: `bench-allocation-${i}#0`,
              account: 'world:council',
              journal: `bench-allocation-${i}`,
              leg: 0,
              reversal: false,
              amountPence: -100,
              at: stamp,
            },
            {
              _id: `fund:bench${i % 1000}:${chain.seq}`,
              account: `fund:bench${i % 1000}`,
              seq: chain.seq,
              journal: `bench-allocation-${i}`,
              leg: 1,
              reversal: false,
              amountPence: 100,
              balancePence: chain.balance,
              at: stamp,
            },
          ] as unknown as { _id: ObjectId }[];
        }),
      );
    }
    const total = await entries.countDocuments();
    console.log(
      `    stored ${total} postings in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );
    const rawStart = performance.now();
    let rawSum = 0;
    for await (const entry of entries.find({}, { batchSize: 5000 }))
      rawSum += Number(entry.amountPence);
    const rawMs = performance.now() - rawStart;
    const check = await services.ledger.check();
    console.log(
      `(e) ledger:check over ${check.entries} postings in ${check.journals} journals: ${(check.ms / 1000).toFixed(1)} s, ${check.breaches.length} breaches; ` +
        `a raw read of every entry ${(rawMs / 1000).toFixed(1)} s (sum ${rawSum}); ratio ${(check.ms / rawMs).toFixed(2)}×`,
    );
  } finally {
    await client
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await harbour.stop();
    await server.stop();
    await stripe.stop();
  }
}
