// `npm run bench -- booking`: the booking mechanism on the embedded database, in-process
// against the real services (no HTTP: what is measured is the claims, transitions and reads):
//  (a) one hot session with 8 places and 300 contenders at once: time until all are answered;
//  (b) bookings per second across 1,000 sessions from 16 concurrent clients, next to the raw
//      operation the mechanism rests on (a unique-key insert) at the same concurrency;
//  (c) with 200,000 bookings stored: "Your bookings" for one family and one session's
//      register, p50 and p95 over 100 reads each.
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

const CONTENDERS = 300;
const CLIENTS = 16;
const SECONDS = 10;
const STORED = 200_000;

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
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    MONGODB_URI: uri,
    HARBOUR_DATABASE_KIND: server.kind,
    ...(server.backend && { HARBOUR_FERRETDB_BACKEND: server.backend }),
    LOG_LEVEL: 'warn',
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
  } finally {
    await client
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await harbour.stop();
    await server.stop();
  }
}
