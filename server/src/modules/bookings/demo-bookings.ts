import { londonToday, type SeriesPattern } from '@harbour/shared';
import { Types } from 'mongoose';
import type { Services } from '../../services';
import type { SignedInActor } from '../access/actor';
import type { Listing } from '../directory/listing';
import {
  BookingModel,
  BookingTransitionModel,
  CapacityClaimModel,
  ScheduledSessionModel,
  SessionSeriesModel,
} from './booking.model';

const DAY = 24 * 60 * 60 * 1000;
const CODES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const dayFrom = (today: string, days: number) =>
  new Date(new Date(`${today}T12:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The next date on or after `from` that falls on a weekday code (MON …). */
function nextOn(from: string, code: string): string {
  const target = CODES.indexOf(code);
  const day = new Date(`${from}T12:00:00Z`).getUTCDay();
  return dayFrom(from, (target - day + 7) % 7);
}

/** The Monday of the next February (or, after it, October) half term: when holiday schemes run. */
function nextHalfTerm(today: string): { first: string; last: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const february = `${month >= 3 ? year + 1 : year}-02-12`;
  const october = `${year}-10-24`;
  const start = month >= 3 && month <= 10 && today < october ? october : february;
  const monday = nextOn(start, 'MON');
  return { first: monday, last: dayFrom(monday, 4) };
}

/** The Christmas school holidays around a date: after-school clubs close for them. */
function christmas(today: string) {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const from = `${month === 1 ? year - 1 : year}-12-19`;
  return { from, to: dayFrom(from, 15), reason: 'Christmas holidays' };
}

/** The sessions a listing of its kind runs over the next eight weeks, or null (by arrangement). */
function seriesFor(listing: Listing, today: string) {
  const start = listing.startMinutes ?? 16 * 60;
  const end = listing.endMinutes ?? start + 120;
  const day = listing.days[0] ?? 'SAT';
  // Series start two days out, so their first session is still inside its booking window
  // (closes 24 hours before) whatever the time of day the demo is seeded.
  const weekly = (pattern: SeriesPattern = 'WEEKLY') => ({
    pattern,
    firstDate: nextOn(dayFrom(today, 2), day),
    lastDate: dayFrom(today, 56),
    startTime: clock(start),
    endTime: clock(end > start ? end : start + 120),
  });
  switch (listing.type) {
    case 'AFTER_SCHOOL_CLUB':
      return { ...weekly(), closures: [christmas(today)] };
    case 'WEEKEND_CLUB':
    case 'INCLUSIVE_ACTIVITY':
      return weekly();
    case 'HOLIDAY_SCHEME': {
      const { first, last } = nextHalfTerm(today);
      return {
        pattern: 'HOLIDAY_SCHEME' as const,
        firstDate: first,
        lastDate: last,
        startTime: clock(start),
        endTime: clock(end > start ? end : start + 360),
      };
    }
    case 'OVERNIGHT_SHORT_BREAK':
      return {
        pattern: 'FORTNIGHTLY' as const,
        firstDate: nextOn(dayFrom(today, 2), 'FRI'),
        count: 4,
        startTime: '17:00',
        endTime: '10:00',
        endsNextDay: true,
      };
    default:
      return null;
  }
}

function termsFor(listing: Listing, places: number) {
  return {
    places,
    staff: listing.type === 'OVERNIGHT_SHORT_BREAK' ? 4 : 3,
    groupRatio: listing.type === 'OVERNIGHT_SHORT_BREAK' ? 2 : 4,
    minAge: listing.minAge,
    maxAge: listing.maxAge,
    opensDaysBefore: 120,
    closesHoursBefore: 24,
    pricePence: listing.funding.includes('FREE') ? 0 : (listing.costFromPence ?? 0),
    freeCancellationHours: 48,
  };
}

/**
 * The demo world's sessions and bookings: the demo provider's services and a good share of
 * the other demo providers' run sessions over the next eight weeks (after-school clubs,
 * Saturday clubs, a half-term holiday scheme, fortnightly overnight breaks); the demo families
 * have booked some, one session is full with a waiting list, and last week's session has its
 * register marked.
 */
export async function seedDemoBookings(services: Services, admin: SignedInActor | null) {
  if (!admin) return;
  const today = londonToday();
  const parent = await actorOf(services, 'parent@demo.harbour.test');
  const parent2 = await actorOf(services, 'parent2@demo.harbour.test');
  const provider = await actorOf(services, 'provider@demo.harbour.test');
  const sunrise = provider?.ownedOrganisationIds[0];
  const listings = await services.directory.allListings();

  const seriesOf = new Map<string, string[]>();
  for (const [index, listing] of listings.entries()) {
    const ours = listing.organisationId === sunrise;
    if (!ours && index % 3 !== 0) continue;
    const schedule = seriesFor(listing, today);
    if (!schedule) continue;
    const created = await services.sessions.createSeries(admin, {
      listingId: listing.id,
      schedule,
      terms: termsFor(listing, ours ? 10 : 8 + (index % 5)),
    });
    if (created.sessions.length)
      seriesOf.set(
        listing.id,
        created.sessions.map((s) => s.id),
      );
  }
  if (!parent || !parent2 || !sunrise) return;

  const children = async (actor: SignedInActor) =>
    new Map(
      ((await services.families.family(actor))?.children ?? []).map((c) => [c.firstName, c.id]),
    );
  const ours = listings.filter((l) => l.organisationId === sunrise && seriesOf.has(l.id));
  const [first, second] = ours;
  const parentChildren = await children(parent);
  const alex = (await children(parent2)).get('Alex');
  const sam = parentChildren.get('Sam');

  // Sam has a block of four weeks; Alex one session at another Sunrise service.
  if (first && sam) {
    const block = (seriesOf.get(first.id) ?? []).slice(0, 4);
    await services.bookings.book(parent, {
      childId: sam,
      sessionIds: block,
      bookAvailableOnly: true,
    });
  }
  if (second && alex) {
    const [one] = seriesOf.get(second.id) ?? [];
    if (one) await services.bookings.book(parent2, { childId: alex, sessionIds: [one] });
  }

  // A session whose one place is taken, with a child waiting: whichever of the demo
  // children each Sunrise service suits.
  const pairs: [SignedInActor, string, SignedInActor, string][] =
    sam && alex
      ? [
          [parent, sam, parent2, alex],
          [parent2, alex, parent, sam],
        ]
      : [];
  waiting: for (const listing of ours) {
    for (const [holder, holderChild, waiter, waiterChild] of pairs) {
      const small = await services.sessions.createSeries(admin, {
        listingId: listing.id,
        schedule: {
          pattern: 'ONE_OFF',
          firstDate: dayFrom(today, 10),
          startTime: '10:00',
          endTime: '12:00',
        },
        terms: termsFor(listing, 1),
      });
      const [full] = small.sessions;
      if (!full) continue;
      const held = await services.bookings.book(holder, {
        childId: holderChild,
        sessionIds: [full.id],
      });
      const queued = held.bookings.length
        ? await services.bookings.book(waiter, {
            childId: waiterChild,
            sessionIds: [full.id],
            whenFull: 'WAITLIST',
          })
        : null;
      if (queued?.bookings[0]?.state === 'WAITLISTED') break waiting;
      await ScheduledSessionModel.deleteOne({ _id: full.id });
      await SessionSeriesModel.deleteOne({ _id: small.seriesId });
      for (const booking of held.bookings) {
        // Cancelled first, so what its budget held goes back, then forgotten.
        await services.bookings.cancel(holder, { bookingId: booking.id });
        await BookingModel.deleteOne({ _id: booking.id });
        await CapacityClaimModel.deleteMany({ booking: booking.id });
        await BookingTransitionModel.deleteMany({ booking: booking.id });
      }
    }
  }

  // Other demo families book a session each near home.
  for (let n = 1; n <= 20; n += 1) {
    const family = await actorOf(
      services,
      `family-${String(n).padStart(3, '0')}@demo.harbour.test`,
    );
    if (!family) continue;
    const [childId] = (await children(family)).values();
    const sessions = [...seriesOf.values()][n % Math.max(1, seriesOf.size)] ?? [];
    const sessionId = sessions[n % Math.max(1, sessions.length)];
    if (childId && sessionId) {
      await services.bookings.book(family, { childId, sessionIds: [sessionId] });
    }
  }

  // One booking the child's funds do not cover, at a service that takes cards: it waits for
  // the card payment (the first such session a demo child may book).
  const candidates = [
    ...[...(await children(parent2)).values()].map((child) => [parent2, child] as const),
    ...[...parentChildren.values()].map((child) => [parent, child] as const),
  ];
  const byCard = listings.filter(
    (l) => seriesOf.has(l.id) && l.funding.includes('SELF_PAY') && !l.funding.includes('FREE'),
  );
  card: for (const [family, childId] of candidates) {
    for (const listing of byCard) {
      const [sessionId] = seriesOf.get(listing.id) ?? [];
      if (!sessionId) continue;
      const reply = await services.bookings.book(family, { childId, sessionIds: [sessionId] });
      const [booking] = reply.bookings;
      if (booking?.state === 'RESERVED') break card;
      if (booking) await services.bookings.cancel(family, { bookingId: booking.id });
    }
  }

  if (first && sam) await pastSessionWithRegister(first, sam, parent, provider);
}

async function actorOf(services: Services, email: string) {
  const account = await services.accounts.accountByEmail(email);
  return account ? services.accounts.actorFor(account.id, 'demo-seed') : null;
}

/**
 * Last week's session, attended: recorded as it would have been at the time (the API books
 * only sessions still to come), with its place claimed and every move in the history.
 */
async function pastSessionWithRegister(
  listing: Listing,
  childId: string,
  parent: SignedInActor,
  provider: SignedInActor | null,
) {
  if (!parent.familyId) return;
  const today = londonToday();
  const date = dayFrom(today, -7);
  const startsAt = new Date(`${date}T16:00:00Z`);
  const terms = termsFor(listing, 10);
  const series = await SessionSeriesModel.create({
    organisation: listing.organisationId,
    listingId: listing.id,
    service: listing.serviceId,
    location: listing.locationId,
    name: listing.serviceName,
    schedule: { pattern: 'ONE_OFF', firstDate: date, startTime: '16:00', endTime: '18:00' },
    ...terms,
    createdBy: provider?.accountId ?? parent.accountId,
  });
  const session = await ScheduledSessionModel.create({
    series: series._id,
    organisation: listing.organisationId,
    listingId: listing.id,
    name: listing.serviceName,
    plannedDate: date,
    date,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    pattern: 'ONE_OFF',
    ...terms,
    modified: Date.now(),
  });
  const bookingId = new Types.ObjectId();
  await CapacityClaimModel.create([
    { _id: `${session._id}:P1`, session: session._id, kind: 'PLACE', unit: 1, booking: bookingId },
    {
      _id: `${session._id}:S1`,
      session: session._id,
      kind: 'SUPPORT',
      unit: 1,
      booking: bookingId,
    },
    {
      _id: `${session._id}:C${childId}`,
      session: session._id,
      kind: 'CHILD',
      unit: 0,
      booking: bookingId,
    },
  ]);
  const moves = [
    {
      from: undefined,
      to: 'RESERVED',
      by: 'FAMILY',
      account: parent.accountId,
      reason: 'Place reserved',
      at: -10,
    },
    {
      from: 'RESERVED',
      to: 'CONFIRMED',
      by: 'SYSTEM',
      account: undefined,
      reason: 'Funding arranged: place confirmed',
      at: -10,
    },
    {
      from: 'CONFIRMED',
      to: 'ATTENDED',
      by: 'PROVIDER',
      account: provider?.accountId,
      reason: 'Marked present on the register',
      at: -7,
    },
  ];
  await BookingModel.create({
    _id: bookingId,
    reference: 'HB-DEMO-PAST',
    family: parent.familyId,
    child: childId,
    childName: 'Sam',
    session: session._id,
    series: series._id,
    organisation: listing.organisationId,
    listingId: listing.id,
    startsAt,
    state: 'ATTENDED',
    seq: moves.length,
    supportNeeded: 'GROUP',
    supportUnits: 1,
    pricePence: terms.pricePence,
    funding: terms.pricePence === 0 ? 'NOT_NEEDED' : 'PAY_PROVIDER',
    bookedBy: parent.accountId,
    attendanceMarkedAt: new Date(startsAt.getTime() + 15 * 60_000),
  });
  await BookingTransitionModel.create(
    moves.map((move, i) => ({
      _id: `${bookingId}:${i + 1}`,
      booking: bookingId,
      seq: i + 1,
      from: move.from,
      to: move.to,
      by: move.by,
      account: move.account,
      reason: move.reason,
      at: new Date(startsAt.getTime() + move.at),
    })),
  );
}
