import { FundModel } from '../../server/src/modules/budgets/fund.model';
import {
  LocationModel,
  ProviderProfileModel,
  ServiceModel,
} from '../../server/src/modules/directory/directory.model';
import {
  BookingModel,
  CapacityClaimModel,
  ScheduledSessionModel,
  SessionSeriesModel,
} from '../../server/src/modules/bookings/booking.model';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

// The demo world, as `npm start` seeds it, looks like Devon's real short breaks.
let demo: TestHarbour;

beforeAll(async () => {
  // 48 providers: every kind of service in several towns.
  demo = await startTestHarbour({ DEMO_SEED: 'true', DEMO_PROVIDERS: '48' });
});

afterAll(async () => {
  await demo.stop();
});

it('runs after-school clubs on school days after school', async () => {
  const clubs = await ServiceModel.find({ type: 'AFTER_SCHOOL_CLUB' }).lean();
  expect(clubs.length).toBeGreaterThanOrEqual(6);
  for (const club of clubs) {
    expect(club.days.length).toBeGreaterThan(0);
    expect(club.days.every((day) => ['MON', 'TUE', 'WED', 'THU', 'FRI'].includes(day))).toBe(true);
    expect(club.startTime! >= '15:00').toBe(true);
    expect(club.endTime! <= '18:30').toBe(true);
  }
});

it('registers holiday schemes as childcare, never as children’s homes', async () => {
  const schemes = await ServiceModel.find({ type: 'HOLIDAY_SCHEME' }).lean();
  expect(schemes.length).toBeGreaterThanOrEqual(6);
  for (const scheme of schemes) {
    const provider = await ProviderProfileModel.findById(scheme.organisation).lean();
    const types = provider!.registrations.map((registration) => registration.registrationType);
    expect(types).not.toContain("Children's home");
    expect(types.some((type) => type.includes('Childcare Register'))).toBe(true);
    expect(scheme.scheduleSummary).toMatch(/school holidays/);
  }
  // Children's homes are the overnight short-break houses only.
  const homes = await ProviderProfileModel.find({
    'registrations.registrationType': "Children's home",
  }).lean();
  expect(homes.length).toBeGreaterThan(0);
  for (const home of homes) {
    const services = await ServiceModel.find({ organisation: home._id }).lean();
    expect(services.map((service) => service.type)).toEqual(['OVERNIGHT_SHORT_BREAK']);
  }
});

it('gives every location a street address', async () => {
  const locations = await LocationModel.find({}).lean();
  // The 48 providers' locations and the demo provider's two.
  expect(locations.length).toBe(50);
  for (const location of locations) {
    expect(location.addressLine).toMatch(/^\d+ [A-Z][a-z]+ (Street|Road|Lane)$/);
    expect(location.postcode).toMatch(/^EX\d+ \d[A-Z]{2}$|^(PL|TQ)\d+ \d[A-Z]{2}$/);
  }
});

describe('sessions and bookings', () => {
  it('has sessions over the next eight weeks, of every kind that runs sessions', async () => {
    const sessions = await ScheduledSessionModel.find({ startsAt: { $gt: new Date() } }).lean();
    const series = await SessionSeriesModel.find().lean();
    expect(sessions.length).toBeGreaterThan(50);
    const patterns = new Set(series.map((s) => (s.schedule as { pattern: string }).pattern));
    expect([...patterns].sort()).toEqual(['FORTNIGHTLY', 'HOLIDAY_SCHEME', 'ONE_OFF', 'WEEKLY']);
    // After-school clubs close for the Christmas holidays (short-break houses stay open).
    const clubs = new Set(
      series
        .filter((s) => ((s.schedule as { closures?: unknown[] }).closures ?? []).length > 0)
        .map((s) => String(s._id)),
    );
    expect(clubs.size).toBeGreaterThan(0);
    const inHolidays = sessions.filter(
      (s) => clubs.has(String(s.series)) && /-12-2\d$/.test(s.date),
    );
    expect(inHolidays).toEqual([]);
  });

  it('has the demo families’ bookings, a full session with a waiting list and a marked register', async () => {
    const confirmed = await BookingModel.countDocuments({ state: 'CONFIRMED' });
    expect(confirmed).toBeGreaterThanOrEqual(5);
    const waiting = await BookingModel.findOne({ state: 'WAITLISTED' }).lean();
    expect(['Sam', 'Alex']).toContain(waiting?.childName);
    const full = await ScheduledSessionModel.findById(waiting!.session).lean();
    const held = await CapacityClaimModel.countDocuments({ session: full!._id, kind: 'PLACE' });
    expect(held).toBe(full!.places);
    const attended = await BookingModel.findOne({ state: 'ATTENDED' }).lean();
    expect(attended?.startsAt.getTime()).toBeLessThan(Date.now());
  });
});

describe('budgets', () => {
  it('has budgets with money, a pooled fund, a family pool, funded bookings and one waiting for a card', async () => {
    const funds = await FundModel.find().lean();
    const kinds = new Set(funds.map((fund) => fund.kind));
    expect([...kinds].sort()).toEqual([
      'FAMILY_POOL',
      'PERSONAL_BUDGET',
      'PERSONAL_HEALTH_BUDGET',
      'POOLED_FUND',
    ]);
    const ledger = demo.harbour.services.ledger;
    const pool = funds.find((fund) => fund.kind === 'POOLED_FUND')!;
    expect(await ledger.balance(`fund:${pool._id}`)).toBeGreaterThan(1_000_000);
    const familyPool = funds.find((fund) => fund.kind === 'FAMILY_POOL')!;
    expect(familyPool.shares?.map((share) => share.childName).sort()).toEqual(['Alex', 'Sam']);
    expect(await BookingModel.countDocuments({ funding: 'HELD' })).toBeGreaterThanOrEqual(4);
    expect(await BookingModel.countDocuments({ funding: 'AWAITING_CARD' })).toBeGreaterThanOrEqual(
      1,
    );
    expect((await ledger.check()).breaches).toEqual([]);
  });
});
