// `npm run bench -- insights`: the commissioners' panels on the embedded database with
// 20,000 children, 20,000 providers' services and 200,000 bookings (plus 40,000 sessions,
// 20,000 budgets with their allocations, 20,000 eligibility checks and 5,000 searches that
// found little), seeded straight into the collections.
//  (a) `insights:rebuild`: every summary cell from scratch, written;
//  (b) each panel through the service (summary cells, a server's copy of them, the
//      in-memory listings, the audit entry): median of 7 after a first read, which loads the
//      copy and is reported on its own;
//  (c) the same panel by a straightforward scan: summing every record's contribution from
//      the source collections, then the same panel function, in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, ObjectId } from 'mongodb';
import { DISTRICTS, londonToday, NEED_CODES, SERVICE_TYPES } from '@harbour/shared';
import { startHarbour } from '../../server/src/harbour';
import type { SignedInActor } from '../../server/src/modules/access/actor';
import { testListing } from '../../server/src/modules/directory/listing.testing';
import {
  PANEL_NAMES,
  PANELS,
  type PanelName,
} from '../../server/src/modules/insights/insights.panels';
import { loadConfig } from '../../server/src/platform/config';
import { databaseUri, startDatabase } from '../services/database';

/** `--size` scales the world down for a quick look: 0.1 is a tenth. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CHILDREN = 20_000 * SCALE;
const PROVIDERS = 20_000 * SCALE;
const SESSIONS = 40_000 * SCALE;
const BOOKINGS = 200_000 * SCALE;
const CHUNK = 5000;
const RUNS = 7;

/** A fixed sequence, so every run seeds the same world. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const towns = DISTRICTS.flatMap((district) =>
  district.towns.map((town) => ({ ...town, district: district.name })),
);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const DAY = 86_400_000;

async function insertAll(
  db: ReturnType<MongoClient['db']>,
  name: string,
  count: number,
  make: (i: number) => object,
) {
  for (let start = 0; start < count; start += CHUNK) {
    const docs = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => make(start + i));
    await db.collection(name).insertMany(docs as never[], { ordered: false });
  }
}

async function seedWorld(db: ReturnType<MongoClient['db']>) {
  const today = londonToday();
  const longAgo = new Date(Date.now() - 30 * DAY);
  const organisation = new ObjectId();
  const account = new ObjectId();
  const listings: { id: string; minAge: number; maxAge: number; type: string; district: string }[] =
    [];
  await insertAll(db, 'service_listings', PROVIDERS, () => {
    const town = pick(towns);
    const minAge = Math.floor(random() * 18);
    const regulator = pick(['OFSTED', 'CQC', null] as const);
    const listing = testListing(
      {
        type: pick(SERVICE_TYPES.codes),
        needs: [pick(NEED_CODES), pick(NEED_CODES)],
        minAge,
        maxAge: Math.min(25, minAge + 3 + Math.floor(random() * 10)),
      },
      {
        town: town.name,
        district: town.district,
        postcode: `${town.postcodes[0]} 1AA`,
        lat: town.lat,
        lng: town.lng,
        registrations: regulator
          ? [
              {
                regulator,
                identifier: `R${Math.floor(random() * 1e9)}`,
                registrationType: regulator === 'OFSTED' ? "Children's home" : 'Homecare agency',
                status: random() < 0.03 ? 'CANCELLED' : 'ACTIVE',
                rating: pick(['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE']),
                inspectedOn: `${2017 + Math.floor(random() * 9)}-06-01`,
              },
            ]
          : [],
      },
      today,
    );
    listings.push({
      id: listing.id,
      minAge: listing.minAge,
      maxAge: listing.maxAge,
      type: listing.type,
      district: listing.district,
    });
    return {
      _id: listing.id,
      service: new ObjectId(),
      location: new ObjectId(),
      organisation,
      document: listing,
      createdAt: new Date(Date.now() - Math.floor(random() * 365) * DAY),
      updatedAt: longAgo,
    };
  });

  const children: ObjectId[] = [];
  await insertAll(db, 'children', CHILDREN, () => {
    const town = pick(towns);
    const age = Math.floor(random() * 26);
    const _id = new ObjectId();
    children.push(_id);
    return {
      _id,
      family: new ObjectId(),
      firstName: 'Bench',
      lastName: 'Child',
      dateOfBirth: `${Number(today.slice(0, 4)) - age}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-10`,
      consents: random() < 0.3 ? [{ organisation, grantedAt: longAgo, grantedBy: account }] : [],
      profile: {
        district: town.district,
        homePostcode: `${pick(town.postcodes)} 2BB`,
        needs: [pick(NEED_CODES)],
        assessedTier: pick(['UNIVERSAL', 'TARGETED', 'SPECIALIST']),
      },
      createdAt: longAgo,
      updatedAt: longAgo,
    };
  });

  const sessions: { _id: ObjectId; listing: (typeof listings)[number]; startsAt: Date }[] = [];
  await insertAll(db, 'scheduled_sessions', SESSIONS, (i) => {
    const listing = pick(listings);
    const startsAt = new Date(Date.now() + Math.floor(random() * 180 - 90) * DAY);
    startsAt.setUTCHours(pick([10, 16, 18]), 0, 0, 0);
    const _id = new ObjectId();
    sessions.push({ _id, listing, startsAt });
    return {
      _id,
      series: new ObjectId(),
      organisation,
      listingId: listing.id,
      name: 'Session',
      plannedDate: `${i}`,
      date: startsAt.toISOString().slice(0, 10),
      startsAt,
      endsAt: new Date(startsAt.getTime() + pick([3, 5, 15]) * 3_600_000),
      pattern: pick(['WEEKLY', 'HOLIDAY_SCHEME', 'ONE_OFF']),
      places: 4 + Math.floor(random() * 12),
      staff: 1 + Math.floor(random() * 4),
      groupRatio: 4,
      minAge: listing.minAge,
      maxAge: listing.maxAge,
      opensDaysBefore: 60,
      closesHoursBefore: 1,
      pricePence: 3000,
      freeCancellationHours: 24,
      status: random() < 0.05 ? 'CANCELLED' : 'SCHEDULED',
      revision: 0,
      modified: longAgo.getTime(),
      createdAt: longAgo,
      updatedAt: longAgo,
    };
  });

  const funds: string[] = [];
  await insertAll(db, 'funds', CHILDREN, (i) => {
    const _id = new ObjectId().toHexString();
    funds.push(_id);
    return {
      _id,
      kind: 'PERSONAL_BUDGET',
      name: 'Personal budget',
      year: Number(today.slice(0, 4)) - (today.slice(5, 7) < '04' ? 1 : 0),
      source: 'COUNCIL',
      child: children[i],
      heldAs: 'COUNCIL_HELD',
      createdBy: account,
      createdAt: longAgo,
      updatedAt: longAgo,
    };
  });
  await insertAll(db, 'journals', CHILDREN, (i) => ({
    _id: `allocation:${funds[i]}`,
    reason: 'ALLOCATION',
    postings: [
      { account: `fund:${funds[i]}`, amountPence: 150_000 },
      { account: 'council:bench', amountPence: -150_000 },
    ],
    fingerprint: 'bench',
    state: 'POSTED',
    memo: 'Allocation',
    funds: [funds[i]],
    actor: { kind: 'COMMISSIONER', account },
    createdAt: longAgo,
    updatedAt: longAgo,
  }));

  await insertAll(db, 'bookings', BOOKINGS, (i) => {
    const session = pick(sessions);
    const state = pick([
      'CONFIRMED',
      'CONFIRMED',
      'ATTENDED',
      'ATTENDED',
      'ABSENT',
      'CANCELLED',
      'WAITLISTED',
      'DECLINED',
      'EXPIRED',
    ]);
    const child = Math.floor(random() * CHILDREN);
    return {
      reference: `HB-BENCH-${i}`,
      family: new ObjectId(),
      child: children[child],
      childName: 'Bench',
      session: session._id,
      series: new ObjectId(),
      organisation,
      listingId: session.listing.id,
      startsAt: session.startsAt,
      state,
      seq: 1,
      supportNeeded: 'GROUP',
      supportUnits: 0,
      pricePence: 3000,
      funding:
        state === 'ATTENDED' || state === 'ABSENT'
          ? 'CAPTURED'
          : state === 'CONFIRMED'
            ? 'HELD'
            : 'RELEASED',
      fundingParts: [
        {
          source: 'PERSONAL_BUDGET',
          fund: funds[child],
          name: 'Personal budget',
          amountPence: 3000,
        },
      ],
      serviceType: session.listing.type,
      district: session.listing.district,
      bookedBy: account,
      // Booked at least two days ago, so the start-up reconciler leaves them be.
      createdAt: new Date(Math.min(session.startsAt.getTime() - 20 * DAY, Date.now() - 2 * DAY)),
      updatedAt: longAgo,
    };
  });
  await insertAll(db, 'eligibility_decisions', CHILDREN, (i) => ({
    child: children[i],
    family: new ObjectId(),
    ruleSetVersion: 1,
    decidedAt: new Date(Date.now() - Math.floor(random() * 300 + 30) * DAY),
    decidedBy: account,
    profileVersion: 1,
    bestTier: pick(['UNIVERSAL', 'TARGETED', 'SPECIALIST', null]),
    tiers: [],
  }));
  await insertAll(db, 'search_gaps', 5000, (i) => ({
    _id: `bench-${i}`,
    at: new Date(Date.now() - Math.floor(random() * 300) * DAY),
    need: pick(NEED_CODES),
    ageBand: pick(['0-4', '5-10', '11-15', '16-17', '18-25']),
    results: Math.floor(random() * 3),
    counted: true,
  }));
}

export async function benchmarkInsights() {
  const server = await startDatabase({
    dataRoot: mkdtempSync(join(tmpdir(), 'harbour-bench-')),
    durable: false,
  });
  const uri = databaseUri(server.uri, `bench_insights_${Date.now()}`);
  const client = await MongoClient.connect(uri);
  const where = `${server.kind}${server.backend ? `/${server.backend}` : ''}`;
  console.log(
    `Seeding ${CHILDREN} children, ${PROVIDERS} services, ${SESSIONS} sessions and ${BOOKINGS} bookings on ${where}…`,
  );
  let started = performance.now();
  await seedWorld(client.db());
  console.log(`  seeded in ${Math.round((performance.now() - started) / 1000)} s`);

  const harbour = await startHarbour(
    loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      MONGODB_URI: uri,
      HARBOUR_DATABASE_KIND: server.kind,
      ...(server.backend && { HARBOUR_FERRETDB_BACKEND: server.backend }),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_SEED: 'false',
      WORKER_IN_PROCESS: 'false',
    }),
  );
  try {
    await harbour.ready;
    const { insights, searchIndex } = harbour.services;
    insights.stop();

    // The first build, from nothing. Then the catch-up a running server does every few
    // seconds (here, of the changes the start-up reconciler made), and a rebuild as
    // `npm run insights:rebuild` runs it, over the kept figures: it replaces them and checks
    // them against the figures from scratch.
    const timeRebuild = async (label: string) => {
      started = performance.now();
      const rebuilt = await insights.summaries.rebuild();
      const rebuildMs = performance.now() - started;
      console.log(
        `\n(a) ${label}: ${rebuilt.cells} cells from ${rebuilt.records} records in ${(rebuildMs / 1000).toFixed(1)} s (target ≤ 60 s)${rebuilt.compared ? `, ${rebuilt.agreed ? 'agreeing with' : 'DIFFERENT FROM'} the kept figures` : ''}`,
      );
    };
    await timeRebuild('first build, from nothing');
    started = performance.now();
    await insights.summaries.catchUp();
    console.log(
      `    the catch-up after it (the changes the start-up reconciler made): ${(performance.now() - started).toFixed(0)} ms`,
    );
    await timeRebuild('rebuild over the kept figures');

    started = performance.now();
    const scanned = await insights.summaries.scan();
    const scanMs = performance.now() - started;

    const actor: SignedInActor = {
      kind: 'account',
      accountId: new ObjectId().toHexString(),
      sessionId: 'bench',
      role: 'COMMISSIONER',
      displayName: 'Bench commissioner',
      familyId: null,
      childId: null,
      organisationIds: [],
      ownedOrganisationIds: [],
    };
    const gapFilter = { district: 'Exeter', need: 'AUTISM', ageBand: '5-10' };
    const filterOf = (name: PanelName) => (name === 'gap' ? gapFilter : {});
    const listings = [...searchIndex.all()];
    console.log(
      '\n(b) panel through the service, median of 7 (first read)   (c) straightforward scan   ratio',
    );
    for (const name of PANEL_NAMES) {
      const first = performance.now();
      await insights.panel(actor, name, filterOf(name));
      const firstMs = performance.now() - first;
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const at = performance.now();
        await insights.panel(actor, name, filterOf(name));
        times.push(performance.now() - at);
      }
      const at = performance.now();
      PANELS[name]({
        cells: scanned.cells,
        listings,
        today: londonToday(),
        filter: filterOf(name),
      });
      const baselineMs = scanMs + (performance.now() - at);
      const panelMs = median(times);
      console.log(
        `  ${name.padEnd(11)} ${panelMs.toFixed(0).padStart(6)} ms (${firstMs.toFixed(0)} ms)   ${baselineMs.toFixed(0).padStart(7)} ms   ${(panelMs / baselineMs).toFixed(4)}×`,
      );
    }
    console.log(
      `\nThe scan (c) read every record once in ${(scanMs / 1000).toFixed(1)} s; each panel's (c) is that plus its panel function.`,
    );
  } finally {
    await harbour.stop();
    await client.close();
    await server.stop();
  }
}
