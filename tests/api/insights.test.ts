/**
 * Commissioners' insights through the API on the real database, on a small dataset whose
 * every figure is worked out by hand below: supply, demand, the gap ranking and its
 * drill-down, the transition view, quality, spend and value, and the outcome measures.
 * Also: small numbers hidden (including by subtracting one cell from its total), every view
 * audited, no child's name anywhere, and the kept summaries equal to a rebuild after a
 * random sequence of changes (fast-check).
 */
import { budgetYearOf, londonToday } from '@harbour/shared';
import fc from 'fast-check';
import mongoose, { Types } from 'mongoose';
import { AuditEventModel } from '../../server/src/modules/access/audit.model';
import {
  BookingModel,
  ScheduledSessionModel,
} from '../../server/src/modules/bookings/booking.model';
import { FundModel } from '../../server/src/modules/budgets/fund.model';
import { ListingModel } from '../../server/src/modules/directory/directory.model';
import type { Listing } from '../../server/src/modules/directory/listing';
import { testListing } from '../../server/src/modules/directory/listing.testing';
import { EligibilityDecisionModel } from '../../server/src/modules/eligibility/eligibility.model';
import { ChildModel } from '../../server/src/modules/families/family.model';
import { InsightContributionModel } from '../../server/src/modules/insights/insights.model';
import { JournalModel } from '../../server/src/modules/ledger/ledger.model';
import { signInDemo } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;

const today = londonToday();
const month = today.slice(0, 7);
const [thisYear, thisMonthNumber] = month.split('-').map(Number) as [number, number];
/** The month `years` and `months` before this one, YYYY-MM. */
function monthsAgo(years: number, months = 0) {
  const index = thisYear * 12 + thisMonthNumber - 1 - years * 12 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const weeks = new Date(Date.UTC(thisYear, thisMonthNumber, 0)).getUTCDate() / 7;
const perWeek = (places: number) => Math.round((places / weeks) * 10) / 10;
const ratio = (children: number, places: number) => Math.round((children / places) * 100) / 100;

const family = new Types.ObjectId();
const account = new Types.ObjectId();
const organisation = new Types.ObjectId();

const SOURCE_COLLECTIONS = [
  'children',
  'bookings',
  'scheduled_sessions',
  'service_listings',
  'funds',
  'journals',
  'eligibility_decisions',
  'search_gaps',
  'insight_cells',
  'insight_contributions',
  'insight_state',
];

async function emptySources() {
  for (const name of SOURCE_COLLECTIONS) await mongoose.connection.collection(name).deleteMany({});
  const index = harbour.harbour.services.searchIndex;
  for (const listing of [...index.all()]) index.remove(listing.id);
}

async function list(listing: Listing) {
  await ListingModel.create({
    _id: listing.id,
    service: new Types.ObjectId(),
    location: new Types.ObjectId(),
    organisation,
    document: listing,
  });
  harbour.harbour.services.searchIndex.put(listing);
  return listing;
}

const registration = (regulator: 'OFSTED' | 'CQC', rating: string, inspectedOn: string) => ({
  regulator,
  identifier: `${regulator}-${rating}`,
  registrationType: regulator === 'OFSTED' ? "Children's home" : 'Homecare agency',
  status: 'ACTIVE' as const,
  rating,
  inspectedOn,
});

async function child(options: {
  district: string;
  postcode: string;
  needs: string[];
  born: string;
  tier: string;
  shared?: boolean;
}) {
  const created = await ChildModel.create({
    family,
    firstName: 'Zebedee',
    lastName: 'Quill',
    dateOfBirth: `${options.born}-15`,
    consents: options.shared ? [{ organisation, grantedAt: new Date(), grantedBy: account }] : [],
    profile: {
      district: options.district,
      homePostcode: options.postcode,
      needs: options.needs,
      assessedTier: options.tier,
    },
  });
  return created._id;
}

async function session(
  listing: Listing,
  options: { places: number; staff: number; day: number; overnight?: boolean },
) {
  const date = `${month}-${String(options.day).padStart(2, '0')}`;
  const startsAt = new Date(`${date}T${options.overnight ? '18' : '12'}:00:00Z`);
  const endsAt = options.overnight
    ? new Date(startsAt.getTime() + 15 * 3_600_000)
    : new Date(startsAt.getTime() + 3 * 3_600_000);
  return ScheduledSessionModel.create({
    series: new Types.ObjectId(),
    organisation,
    listingId: listing.id,
    name: listing.serviceName,
    plannedDate: date,
    date,
    startsAt,
    endsAt,
    pattern: options.overnight ? 'WEEKLY' : 'HOLIDAY_SCHEME',
    places: options.places,
    staff: options.staff,
    groupRatio: 4,
    minAge: listing.minAge,
    maxAge: listing.maxAge,
    opensDaysBefore: 60,
    closesHoursBefore: 1,
    pricePence: 0,
    freeCancellationHours: 24,
    modified: Date.now(),
  });
}

let references = 0;
async function booking(
  childId: Types.ObjectId,
  on: Awaited<ReturnType<typeof session>>,
  options: {
    state: string;
    district: string;
    serviceType: string;
    pricePence?: number;
    funding?: string;
    fundingParts?: { source: string; fund: string; name: string; amountPence: number }[];
    createdAt?: Date;
  },
) {
  references += 1;
  await BookingModel.collection.insertOne({
    reference: `HB-INSIGHT-${references}`,
    family,
    child: childId,
    childName: 'Zebedee',
    session: on._id,
    series: on.series,
    organisation,
    listingId: on.listingId,
    startsAt: on.startsAt,
    state: options.state,
    seq: 1,
    supportNeeded: 'GROUP',
    supportUnits: 0,
    pricePence: options.pricePence ?? 0,
    funding: options.funding ?? 'NOT_NEEDED',
    fundingParts: options.fundingParts ?? [],
    serviceType: options.serviceType,
    district: options.district,
    bookedBy: account,
    createdAt: options.createdAt ?? new Date(),
    updatedAt: new Date(),
  });
}

async function budget(childId: Types.ObjectId, allocatedPence: number) {
  const id = new Types.ObjectId().toHexString();
  const year = budgetYearOf(today).startYear;
  await FundModel.create({
    _id: id,
    kind: 'PERSONAL_BUDGET',
    name: 'Personal budget',
    year,
    source: 'COUNCIL',
    child: childId,
    family,
    heldAs: 'COUNCIL_HELD',
    createdBy: account,
  });
  await JournalModel.create({
    _id: `allocation:${id}`,
    reason: 'ALLOCATION',
    postings: [
      { account: `fund:${id}`, amountPence: allocatedPence },
      { account: `council:${year}`, amountPence: -allocatedPence },
    ],
    fingerprint: id,
    state: 'POSTED',
    memo: 'Allocation',
    funds: [id],
    child: childId,
    actor: { kind: 'COMMISSIONER', account },
  });
  return id;
}

async function decision(childId: Types.ObjectId, bestTier: string) {
  await EligibilityDecisionModel.create({
    child: childId,
    family,
    ruleSetVersion: 1,
    decidedAt: new Date(),
    decidedBy: account,
    profileVersion: 1,
    bestTier,
    tiers: [],
  });
}

async function panel<T>(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await harbour.graphql<T>(query, variables, demo.commissioner);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const COUNT = '{ value shown }';

/**
 * The dataset, by hand:
 * - Exeter: 7 autistic children aged 8 (5 with profiles shared this month) and 3 with ADHD
 *   aged 8, at EX1; an inclusive activity for 5–12 (autism, ADHD) with two holiday-scheme
 *   sessions of 6 and 8 places; two bookings on the first (one attended, one absent, £20
 *   each from the pooled fund) and 5 on its waiting list for 10 days.
 * - Torridge: 10 autistic young people aged 17, turning 18 within 12 months, at EX39; an
 *   Ofsted-only overnight break for 12–19 (so it cannot go on past 18) with one session of
 *   6 places; 6 of them booked on it (£50 each, held from their personal budgets of £1,000).
 * - Mid Devon: 5 children aged 3 with a physical disability at EX16, and no service.
 * - Services: a CQC home-support service for 16–25 in Exeter rated Inadequate (still
 *   listed), and an Ofsted day nursery for 0–4 (ADHD) last inspected in 2019.
 * - Checks this month: 3 found the targeted tier best, 5 the specialist tier. Searches: 5
 *   found nothing, made through the API.
 */
beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
  harbour.harbour.services.insights.stop();
  await emptySources();

  const activity = await list(
    testListing(
      { type: 'INCLUSIVE_ACTIVITY', needs: ['AUTISM', 'ADHD'], minAge: 5, maxAge: 12 },
      {},
      today,
    ),
  );
  const overnight = await list(
    testListing(
      { type: 'OVERNIGHT_SHORT_BREAK', needs: ['AUTISM'], minAge: 12, maxAge: 19 },
      {
        town: 'Bideford',
        district: 'Torridge',
        postcode: 'EX39 2AA',
        lat: 51.017,
        lng: -4.207,
        registrations: [registration('OFSTED', 'GOOD', '2025-03-01')],
      },
      today,
    ),
  );
  await list(
    testListing(
      { type: 'HOME_SUPPORT', needs: ['AUTISM'], minAge: 16, maxAge: 25 },
      { registrations: [registration('CQC', 'INADEQUATE', '2025-06-01')] },
      today,
    ),
  );
  await list(
    testListing(
      { type: 'DAY_CARE', needs: ['ADHD'], minAge: 0, maxAge: 4 },
      { registrations: [registration('OFSTED', 'OUTSTANDING', '2019-05-01')] },
      today,
    ),
  );

  const eight = monthsAgo(8, 1);
  const exeterAutistic = [];
  for (let i = 0; i < 7; i += 1) {
    exeterAutistic.push(
      await child({
        district: 'Exeter',
        postcode: 'EX1 1AA',
        needs: ['AUTISM'],
        born: eight,
        tier: 'TARGETED',
        shared: i < 5,
      }),
    );
  }
  for (let i = 0; i < 3; i += 1) {
    await child({
      district: 'Exeter',
      postcode: 'EX1 1AA',
      needs: ['ADHD'],
      born: eight,
      tier: 'TARGETED',
    });
  }
  const torridge = [];
  for (let i = 0; i < 10; i += 1) {
    torridge.push(
      await child({
        district: 'Torridge',
        postcode: 'EX39 1AA',
        needs: ['AUTISM'],
        born: monthsAgo(17, 6),
        tier: 'SPECIALIST',
      }),
    );
  }
  for (let i = 0; i < 5; i += 1) {
    await child({
      district: 'Mid Devon',
      postcode: 'EX16 1AA',
      needs: ['PHYSICAL_DISABILITY'],
      born: monthsAgo(3, 1),
      tier: 'UNIVERSAL',
    });
  }

  const first = await session(activity, { places: 6, staff: 2, day: 12 });
  await session(activity, { places: 8, staff: 2, day: 13 });
  const night = await session(overnight, { places: 6, staff: 6, day: 14, overnight: true });
  const pooled = (amountPence: number) => [
    { source: 'POOLED_FUND', fund: 'pool', name: 'Short breaks pool', amountPence },
  ];
  const exeter = { district: 'Exeter', serviceType: 'INCLUSIVE_ACTIVITY' };
  await booking(exeterAutistic[0]!, first, {
    ...exeter,
    state: 'ATTENDED',
    pricePence: 2000,
    funding: 'CAPTURED',
    fundingParts: pooled(2000),
  });
  await booking(exeterAutistic[1]!, first, {
    ...exeter,
    state: 'ABSENT',
    pricePence: 2000,
    funding: 'CAPTURED',
    fundingParts: pooled(2000),
  });
  for (let i = 2; i < 7; i += 1) {
    await booking(exeterAutistic[i]!, first, {
      ...exeter,
      state: 'WAITLISTED',
      createdAt: new Date(Date.now() - 10 * 86_400_000),
    });
  }
  for (let i = 0; i < 10; i += 1) {
    const fund = await budget(torridge[i]!, 100_000);
    if (i >= 6) continue;
    await booking(torridge[i]!, night, {
      district: 'Torridge',
      serviceType: 'OVERNIGHT_SHORT_BREAK',
      state: 'CONFIRMED',
      pricePence: 5000,
      funding: 'HELD',
      fundingParts: [
        { source: 'PERSONAL_BUDGET', fund, name: 'Personal budget', amountPence: 5000 },
      ],
    });
  }
  for (let i = 0; i < 3; i += 1) await decision(exeterAutistic[i]!, 'TARGETED');
  for (let i = 0; i < 5; i += 1) await decision(torridge[i]!, 'SPECIALIST');

  for (let i = 0; i < 5; i += 1) {
    const { body } = await harbour.graphql<{
      directorySearch: { results: { totalCount: number } };
    }>(
      `query($input: DirectorySearchInput!) { directorySearch(input: $input) { results { totalCount } } }`,
      { input: { needs: ['PROFOUND_MULTIPLE_LEARNING_DIFFICULTY'], age: 3 } },
    );
    expect(body.data?.directorySearch.results.totalCount).toBe(0);
  }
});

afterAll(async () => {
  await harbour.stop();
});

describe('the panels, on the hand-checked dataset', () => {
  it('ranks the gaps: no places first, then children for each weekly place, hiding fewer than 5', async () => {
    const { insightsGaps } = await panel<{
      insightsGaps: {
        formula: string;
        cells: {
          rank: number;
          district: string;
          need: string;
          ageBand: string;
          children: { value: number | null; shown: string };
          placesPerWeek: number;
          gapIndex: number | null;
        }[];
        districts: { district: string; children: { shown: string }; placesPerWeek: number }[];
      };
    }>(
      `{ insightsGaps { formula cells { rank district need ageBand children ${COUNT} placesPerWeek gapIndex }
         districts { district lat lng children ${COUNT} placesPerWeek gapIndex } } }`,
    );
    expect(insightsGaps.formula).toMatch(/for each place a week/);
    expect(insightsGaps.cells).toEqual([
      {
        rank: 1,
        district: 'Mid Devon',
        need: 'PHYSICAL_DISABILITY',
        ageBand: '0-4',
        children: { value: 5, shown: '5' },
        placesPerWeek: 0,
        gapIndex: null,
      },
      {
        rank: 2,
        district: 'Torridge',
        need: 'AUTISM',
        ageBand: '16-17',
        children: { value: 10, shown: '10' },
        placesPerWeek: perWeek(6),
        gapIndex: ratio(10, perWeek(6)),
      },
      {
        rank: 3,
        district: 'Exeter',
        need: 'AUTISM',
        ageBand: '5-10',
        children: { value: 5, shown: '5' },
        placesPerWeek: perWeek(14),
        gapIndex: ratio(5, perWeek(14)),
      },
    ]);
    const exeter = insightsGaps.districts.find((row) => row.district === 'Exeter')!;
    expect(exeter).toMatchObject({ children: { shown: '10' }, placesPerWeek: perWeek(14) });
  });

  it('hides a small cell so that no subtraction finds it', async () => {
    const { insightsDemand, insightsGaps } = await panel<{
      insightsDemand: {
        children: {
          district: string;
          need: string;
          children: { value: number | null; shown: string };
        }[];
      };
      insightsGaps: { districts: { district: string; children: { value: number | null } }[] };
    }>(
      `{ insightsDemand(filter: { district: "Exeter" }) { children { district need children ${COUNT} } }
         insightsGaps { districts { district children ${COUNT} } } }`,
    );
    const adhd = insightsDemand.children.find((row) => row.need === 'ADHD')!;
    const autism = insightsDemand.children.find((row) => row.need === 'AUTISM')!;
    expect(adhd.children).toEqual({ value: null, shown: 'fewer than 5' });
    expect(autism.children).toEqual({ value: 5, shown: '5' });
    const total = insightsGaps.districts.find((row) => row.district === 'Exeter')!.children.value!;
    expect(total).toBe(10);
    // 10 − 5 = 5, not the 3 children with ADHD: rounding keeps the small cell hidden.
    expect(total - autism.children.value!).not.toBe(3);
  });

  it('drills into a gap: its children by tier, places by time, waiting, searches and services', async () => {
    const { insightsGap } = await panel<{ insightsGap: Record<string, unknown> }>(
      `{ insightsGap(district: "Exeter", need: "AUTISM", ageBand: "5-10") {
          gapIndex children ${COUNT} childrenByTier { tier children ${COUNT} }
          placesByTime { timeBand placesPerWeek } waiting ${COUNT} searchesWithFewResults ${COUNT}
          services { serviceType minAge maxAge registered continuesPast18 } } }`,
    );
    expect(insightsGap).toEqual({
      gapIndex: ratio(5, perWeek(14)),
      children: { value: 5, shown: '5' },
      childrenByTier: [{ tier: 'TARGETED', children: { value: 5, shown: '5' } }],
      placesByTime: [{ timeBand: 'SCHOOL_HOLIDAY', placesPerWeek: perWeek(14) }],
      waiting: { value: 5, shown: '5' },
      // The searches that found nothing were for another need.
      searchesWithFewResults: { value: 0, shown: '0' },
      services: [
        {
          serviceType: 'INCLUSIVE_ACTIVITY',
          minAge: 5,
          maxAge: 12,
          registered: false,
          continuesPast18: 'NOT_APPLICABLE',
        },
      ],
    });
  });

  it('shows supply: places and staff a week, services listed and travel coverage', async () => {
    const { insightsSupply } = await panel<{ insightsSupply: Record<string, unknown[]> }>(
      `{ insightsSupply(filter: { district: "Torridge" }) {
          places { district need ageBand timeBand serviceType placesPerWeek staffPerWeek sessionsPerWeek }
          listed { district need ageBand serviceType registered services } }
         all: insightsSupply { coverage { withinKm children ${COUNT} covered ${COUNT} percent } } }`,
    );
    const overnight = {
      district: 'Torridge',
      need: 'AUTISM',
      timeBand: 'OVERNIGHT',
      serviceType: 'OVERNIGHT_SHORT_BREAK',
      placesPerWeek: perWeek(6),
      staffPerWeek: perWeek(6),
      sessionsPerWeek: perWeek(1),
    };
    expect(insightsSupply.places).toEqual(
      ['11-15', '16-17', '18-25'].map((ageBand) => ({ ...overnight, ageBand })),
    );
    expect(insightsSupply.listed).toEqual(
      ['11-15', '16-17', '18-25'].map((ageBand) => ({
        district: 'Torridge',
        need: 'AUTISM',
        ageBand,
        serviceType: 'OVERNIGHT_SHORT_BREAK',
        registered: true,
        services: 1,
      })),
    );
    // 25 children with a home postcode; the 20 in Exeter and Torridge have a suitable
    // service in their own town; Mid Devon's 5 have none anywhere.
    const { coverage } = (
      await panel<{ all: { coverage: unknown[] } }>(
        `{ all: insightsSupply { coverage { withinKm children ${COUNT} covered ${COUNT} percent } } }`,
      )
    ).all;
    expect(coverage).toEqual(
      [10, 20, 30].map((withinKm) => ({
        withinKm,
        children: { value: 25, shown: '25' },
        covered: { value: 20, shown: '20' },
        percent: 80,
      })),
    );
  });

  it('shows demand: checks, searches that found nothing, waiting lists and unspent budgets', async () => {
    const { insightsDemand } = await panel<{ insightsDemand: Record<string, unknown[]> }>(
      `{ insightsDemand {
          eligibility { month tier checks ${COUNT} }
          searches { month district need ageBand serviceType results searches ${COUNT} }
          waitlists { district serviceType waiting ${COUNT} averageWaitDays }
          unspentBudgets { district budgets ${COUNT} allocated { amountPence } unspent { amountPence } } } }`,
    );
    expect(insightsDemand.eligibility).toEqual([
      { month, tier: 'SPECIALIST', checks: { value: 5, shown: '5' } },
      { month, tier: 'TARGETED', checks: { value: null, shown: 'fewer than 5' } },
    ]);
    expect(insightsDemand.searches).toEqual([
      {
        month,
        district: '*',
        need: 'PROFOUND_MULTIPLE_LEARNING_DIFFICULTY',
        ageBand: '0-4',
        serviceType: '*',
        results: 'NONE',
        searches: { value: 5, shown: '5' },
      },
    ]);
    expect(insightsDemand.waitlists).toEqual([
      {
        district: 'Exeter',
        serviceType: 'INCLUSIVE_ACTIVITY',
        waiting: { value: 5, shown: '5' },
        averageWaitDays: 10,
      },
    ]);
    // Torridge: 10 budgets of £1,000; 6 × £50 held for the overnight break.
    expect(insightsDemand.unspentBudgets).toEqual([
      {
        district: 'Torridge',
        budgets: { value: 10, shown: '10' },
        allocated: { amountPence: 1_000_000 },
        unspent: { amountPence: 1_000_000 - 30_000 },
      },
    ]);
  });

  it('reads the transition view: services past 18, the gap and who turns 18 this year', async () => {
    const { insightsTransition } = await panel<{ insightsTransition: Record<string, unknown[]> }>(
      `{ insightsTransition {
          districts { district services continuingPast18 youngPeople ${COUNT} placesPerWeek gapIndex }
          turningEighteen { district youngPeople ${COUNT} servicesCannotContinue ${COUNT} noServiceBooked ${COUNT} }
          services { serviceType continuesPast18 } } }`,
    );
    const districts = insightsTransition.districts as { district: string }[];
    expect(districts.find((row) => row.district === 'Torridge')).toEqual({
      district: 'Torridge',
      services: 1,
      continuingPast18: 0,
      youngPeople: { value: 10, shown: '10' },
      placesPerWeek: perWeek(6),
      gapIndex: ratio(10, perWeek(6)),
    });
    expect(districts.find((row) => row.district === 'Exeter')).toMatchObject({
      services: 1,
      continuingPast18: 1,
      youngPeople: { value: 0, shown: '0' },
    });
    expect(insightsTransition.turningEighteen).toEqual([
      {
        district: 'Torridge',
        youngPeople: { value: 10, shown: '10' },
        servicesCannotContinue: { value: 5, shown: '5' },
        noServiceBooked: { value: null, shown: 'fewer than 5' },
      },
    ]);
    expect(insightsTransition.services).toHaveLength(2);
  });

  it('reads quality by regulator, never merged, with stale and flagged services still listed', async () => {
    const { insightsQuality } = await panel<{ insightsQuality: Record<string, unknown[]> }>(
      `{ insightsQuality { ratings { regulator rating services }
          staleInspections { service { serviceType } flags }
          stillListed { service { serviceType hiddenFromFamilies } flags } } }`,
    );
    expect(insightsQuality.ratings).toEqual([
      { regulator: 'CQC', rating: 'INADEQUATE', services: 1 },
      { regulator: 'OFSTED', rating: 'GOOD', services: 1 },
      { regulator: 'OFSTED', rating: 'OUTSTANDING', services: 1 },
    ]);
    expect(insightsQuality.staleInspections).toEqual([
      { service: { serviceType: 'DAY_CARE' }, flags: [expect.stringMatching(/more than 4 years/)] },
    ]);
    expect(insightsQuality.stillListed).toEqual([
      {
        service: { serviceType: 'HOME_SUPPORT', hiddenFromFamilies: true },
        flags: [expect.stringMatching(/Inadequate/)],
      },
    ]);
  });

  it('reads spend and value: by fund, cost per hour, utilisation and the forecast', async () => {
    const { insightsSpend } = await panel<{ insightsSpend: Record<string, unknown> }>(
      `{ insightsSpend {
          byFund { fundKind serviceType allocated { amountPence } held { amountPence } spent { amountPence } }
          costPerHour { serviceType bookedHours costPerHour { amountPence } }
          utilisation { serviceType places booked ${COUNT} attended ${COUNT} absent ${COUNT} attendedPercent bookedPercent }
          forecast { envelope { amountPence } spent { amountPence } committed { amountPence }
            forecast { amountPence } headroom { amountPence } leavesOut } } }`,
    );
    const pence = (amountPence: number) => ({ amountPence });
    expect(insightsSpend.byFund).toEqual([
      {
        fundKind: 'PERSONAL_BUDGET',
        serviceType: 'NOT_KNOWN',
        allocated: pence(1_000_000),
        held: pence(0),
        spent: pence(0),
      },
      {
        fundKind: 'PERSONAL_BUDGET',
        serviceType: 'OVERNIGHT_SHORT_BREAK',
        allocated: pence(0),
        held: pence(30_000),
        spent: pence(0),
      },
      {
        fundKind: 'POOLED_FUND',
        serviceType: 'INCLUSIVE_ACTIVITY',
        allocated: pence(0),
        held: pence(0),
        spent: pence(4000),
      },
    ]);
    // £40 for 2 × 3 hours; £300 for 6 × 15 hours.
    expect(insightsSpend.costPerHour).toEqual([
      { serviceType: 'INCLUSIVE_ACTIVITY', bookedHours: 6, costPerHour: pence(667) },
      { serviceType: 'OVERNIGHT_SHORT_BREAK', bookedHours: 90, costPerHour: pence(333) },
    ]);
    // Bookings are published like children: 2 is hidden, 6 shows as 5 (5 of 6 places).
    const few = { value: null, shown: 'fewer than 5' };
    const none = { value: 0, shown: '0' };
    expect(insightsSpend.utilisation).toEqual([
      {
        serviceType: 'INCLUSIVE_ACTIVITY',
        places: 14,
        booked: few,
        attended: few,
        absent: few,
        attendedPercent: null,
        bookedPercent: null,
      },
      {
        serviceType: 'OVERNIGHT_SHORT_BREAK',
        places: 6,
        booked: { value: 5, shown: '5' },
        attended: none,
        absent: none,
        attendedPercent: null,
        bookedPercent: 83,
      },
    ]);
    const forecast = insightsSpend.forecast as Record<string, { amountPence: number }>;
    expect(forecast.envelope).toEqual(pence(1_000_000));
    expect(forecast.spent).toEqual(pence(4000));
    expect(forecast.committed).toEqual(pence(30_000));
    expect(forecast.forecast!.amountPence).toBeGreaterThanOrEqual(34_000);
    expect(forecast.headroom!.amountPence).toBe(1_000_000 - forecast.forecast!.amountPence);
    // The budgets' money is shown (the dataset has 5 or more), so no totals leave it out.
    expect(forecast.leavesOut).toEqual([]);
  });

  it('reads the outcome measures month by month', async () => {
    const { insightsOutcomes } = await panel<{
      insightsOutcomes: { months: Record<string, unknown>[] };
    }>(
      `{ insightsOutcomes { months { month localCommunityAttendances ${COUNT} newServices
          profilesShared ${COUNT} bookings ${COUNT} costPerHour { amountPence } } } }`,
    );
    expect(insightsOutcomes.months).toHaveLength(12);
    expect(insightsOutcomes.months.at(-1)).toEqual({
      month,
      localCommunityAttendances: { value: null, shown: 'fewer than 5' },
      newServices: 4,
      profilesShared: { value: 5, shown: '5' },
      bookings: { value: 10, shown: '10' },
      // £340 for 96 hours.
      costPerHour: { amountPence: 354 },
    });
    expect(insightsOutcomes.months[0]).toMatchObject({ newServices: 0, costPerHour: null });
  });
});

describe('privacy and access', () => {
  it('names no child anywhere, and audits every view', async () => {
    const before = await AuditEventModel.countDocuments({ action: 'INSIGHTS_VIEWED' });
    const { body } = await harbour.graphql(
      `{ insightsTransition { services { serviceName } } insightsGap(district: "Exeter", need: "AUTISM", ageBand: "5-10") { services { providerName } } }`,
      {},
      demo.commissioner,
    );
    expect(JSON.stringify(body)).not.toMatch(/Zebedee|Quill/);
    expect(await AuditEventModel.countDocuments({ action: 'INSIGHTS_VIEWED' })).toBe(before + 2);
  });

  it('refuses families and providers, and explains a bad filter', async () => {
    for (const caller of [demo.parent, demo.provider]) {
      const { body } = await harbour.graphql(`{ insightsGaps { formula } }`, {}, caller);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const { body } = await harbour.graphql(
      `{ insightsSupply(filter: { month: "December", ageBand: "6-9" }) { month } }`,
      {},
      demo.commissioner,
    );
    expect(body.errors?.[0]?.message).toBe(
      'Enter the month as YYYY-MM, for example 2026-12, not "December"',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('kept summaries and the rebuild', () => {
  it('agree after the dataset, and after a random sequence of changes (fast-check)', async () => {
    const { summaries } = harbour.harbour.services.insights;
    await summaries.catchUp();
    expect((await summaries.rebuild()).differences).toEqual([]);

    const children = await ChildModel.find({}, { _id: 1 }).lean();
    const bookings = await BookingModel.find({}, { _id: 1 }).lean();
    const sessions = await ScheduledSessionModel.find({}, { _id: 1 }).lean();
    const change = fc.oneof(
      fc.record({
        kind: fc.constant('child' as const),
        at: fc.nat(children.length - 1),
        district: fc.constantFrom('Exeter', 'Torridge', 'Mid Devon', 'Teignbridge'),
        needs: fc.subarray(['AUTISM', 'ADHD', 'PHYSICAL_DISABILITY']),
        erase: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('booking' as const),
        at: fc.nat(bookings.length - 1),
        state: fc.constantFrom(
          'CONFIRMED',
          'ATTENDED',
          'ABSENT',
          'CANCELLED',
          'WAITLISTED',
          'EXPIRED',
        ),
      }),
      fc.record({
        kind: fc.constant('session' as const),
        at: fc.nat(sessions.length - 1),
        places: fc.integer({ min: 1, max: 20 }),
        cancelled: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('search' as const),
        age: fc.integer({ min: 0, max: 25 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (changes, catchUpBetween) => {
          for (const step of changes) {
            if (step.kind === 'child') {
              await ChildModel.updateOne(
                { _id: children[step.at]!._id },
                step.erase
                  ? { $set: { erasedAt: new Date() } }
                  : {
                      $set: { 'profile.district': step.district, 'profile.needs': step.needs },
                      $unset: { erasedAt: 1 },
                    },
              );
            } else if (step.kind === 'booking') {
              await BookingModel.updateOne(
                { _id: bookings[step.at]!._id },
                { $set: { state: step.state } },
              );
            } else if (step.kind === 'session') {
              await ScheduledSessionModel.updateOne(
                { _id: sessions[step.at]!._id },
                {
                  $set: {
                    places: step.places,
                    status: step.cancelled ? 'CANCELLED' : 'SCHEDULED',
                    modified: Date.now(),
                  },
                },
              );
            } else {
              await harbour.harbour.services.insights.recordSearch({ age: step.age, results: 0 });
            }
            if (catchUpBetween) await summaries.catchUp();
          }
          await summaries.catchUp();
          const report = await summaries.rebuild();
          expect(report.differences).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('replaces more kept records than FerretDB v1 can delete at once', async () => {
    // FerretDB v1 on PostgreSQL refuses to delete more than 65,535 documents in one go.
    const { summaries } = harbour.harbour.services.insights;
    const stale = Array.from({ length: 70_000 }, (_, i) => ({ _id: `stale:${i}`, c: [] }));
    for (let start = 0; start < stale.length; start += 10_000) {
      await InsightContributionModel.insertMany(stale.slice(start, start + 10_000), {
        lean: true,
      });
    }
    const report = await summaries.rebuild();
    expect(report).toMatchObject({ compared: true, agreed: true });
    expect(await InsightContributionModel.countDocuments({ _id: 'stale:69999' })).toBe(0);
    expect(await InsightContributionModel.countDocuments({})).toBe(report.records);
  });
});
