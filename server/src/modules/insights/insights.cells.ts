/**
 * What each source record adds to the commissioners' summary cells, as pure functions.
 *
 * A cell is a key (`family|dimension|…`) and a few counts. Each child, session, booking,
 * ledger journal, eligibility check, search and listing contributes to some cells; a
 * summary is the sum of every record's contribution. The summaries keeper
 * (insights.summaries.ts) stores each record's last contribution, so when the record
 * changes it adds the difference; the rebuild sums every contribution from scratch. Both
 * use these functions, which is why they agree.
 *
 * Keys hold nothing that changes with the date the summary is read: children by birth
 * month (not age), sessions and bookings by their month. The panels turn them into age
 * bands and "per week" when they are read.
 */
import { budgetYearOf, findPostcodeDistrict, londonToday } from '@harbour/shared';
import { fundPosition } from '../budgets/budgets.rules';
import { ageBandsServed, timeBandOf, type AgeBand, type TimeBand } from './insights.rules';

export type Metrics = Record<string, number>;
/** One record's contribution: cell key → counts. */
export type Contribution = Map<string, Metrics>;

export const CELL_FAMILIES = [
  'demand',
  'home',
  'turning18',
  'shared',
  'places',
  'use',
  'wait',
  'offers',
  'money',
  'budgets',
  'eligibility',
  'search',
  'listed',
] as const;
export type CellFamily = (typeof CELL_FAMILIES)[number];

/** Every need, for cells that count a record once whatever its needs. */
export const ANY = '*';
/** A missing district, need or tier. */
export const NOT_KNOWN = 'NOT_KNOWN';

export function cellKey(family: CellFamily, ...dimensions: (string | number)[]): string {
  return [family, ...dimensions.map((dimension) => String(dimension).replaceAll('|', '/'))].join(
    '|',
  );
}

export function parseKey(key: string): { family: CellFamily; dimensions: string[] } {
  const [family, ...dimensions] = key.split('|');
  return { family: family as CellFamily, dimensions };
}

/**
 * The part of the summaries a key belongs to: the month or budget year it counts, or '-'
 * for counts with no period (children, waiting lists). Panels load one part at a time.
 */
export function periodOf(key: string): string {
  const { family, dimensions } = parseKey(key);
  switch (family) {
    case 'places':
    case 'use':
    case 'offers':
    case 'eligibility':
    case 'search':
    case 'listed':
    case 'shared':
    case 'money':
    case 'budgets':
      return dimensions[0] ?? '-';
    default:
      return '-';
  }
}

function add(into: Contribution, key: string, metrics: Metrics) {
  const cell = into.get(key) ?? {};
  for (const [name, value] of Object.entries(metrics)) {
    if (value) cell[name] = (cell[name] ?? 0) + value;
  }
  if (Object.keys(cell).length) into.set(key, cell);
}

/** a − b, cell by cell and count by count, leaving out what is unchanged. */
export function difference(after: Contribution, before: Contribution): Contribution {
  const delta: Contribution = new Map();
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const a = after.get(key) ?? {};
    const b = before.get(key) ?? {};
    const change: Metrics = {};
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const value = (a[name] ?? 0) - (b[name] ?? 0);
      if (value) change[name] = value;
    }
    if (Object.keys(change).length) delta.set(key, change);
  }
  return delta;
}

/** Adds `delta` to `cells` in place (cells whose counts all reach zero are kept, at zero). */
export function applyDelta(cells: Map<string, Metrics>, delta: Contribution): void {
  for (const [key, change] of delta) {
    const cell = { ...(cells.get(key) ?? {}) };
    for (const [name, value] of Object.entries(change)) {
      cell[name] = (cell[name] ?? 0) + value;
    }
    cells.set(key, cell);
  }
}

const month = (day: string) => day.slice(0, 7);
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** YYYY-MM-DD in Europe/London. */
export const londonDateOf = (instant: Date): string => londonToday(instant);
function londonMinutes(instant: Date): number {
  const [hours, minutes] = londonClock.format(instant).split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
const epochDay = (instant: Date) => Math.floor(instant.getTime() / 86_400_000);

// ---------------------------------------------------------------- children

export interface ChildFacts {
  district: string | null;
  homePostcode: string | null;
  needs: string[];
  tier: string | null;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** When each organisation was given the profile (told once, not typed again). */
  sharedAt: Date[];
  /**
   * Of the services the child is booked with: NONE booked, ALL able to go on past 18, or
   * SOME_CANNOT (at least one cannot).
   */
  servicesPast18: 'NONE' | 'ALL' | 'SOME_CANNOT';
}

/** The key of a set of needs, for "a service suitable for this child". */
export const needsKey = (needs: readonly string[]) =>
  needs.length ? [...new Set(needs)].sort().join('+') : NOT_KNOWN;

export function childContribution(child: ChildFacts | null): Contribution {
  const cells: Contribution = new Map();
  if (!child) return cells;
  const district = child.district ?? NOT_KNOWN;
  const born = month(child.dateOfBirth);
  const tier = child.tier ?? NOT_KNOWN;
  const needs = child.needs.length ? [...new Set(child.needs)] : [NOT_KNOWN];
  for (const need of [...needs, ANY]) {
    add(cells, cellKey('demand', district, need, born, tier), { children: 1 });
  }
  const home = child.homePostcode ? findPostcodeDistrict(child.homePostcode) : undefined;
  if (home) {
    add(cells, cellKey('home', home.postcodeDistrict, needsKey(child.needs), born), {
      children: 1,
    });
  }
  add(cells, cellKey('turning18', district, born, child.servicesPast18), { children: 1 });
  for (const at of child.sharedAt) {
    add(cells, cellKey('shared', month(londonDateOf(at)), district), { profiles: 1 });
  }
  return cells;
}

// ---------------------------------------------------------------- sessions

/** What the directory says about the service a session is of. */
export interface ListingFacts {
  district: string | null;
  needs: string[];
  type: string;
}

export interface SessionFacts {
  status: string;
  /** Europe/London, YYYY-MM-DD. */
  date: string;
  startsAt: Date;
  endsAt: Date;
  pattern: string;
  places: number;
  staff: number;
  minAge: number;
  maxAge: number;
  listing: ListingFacts | null;
}

export function sessionTimeBand(session: SessionFacts): TimeBand | 'SCHOOL_HOURS' {
  const startMinutes = londonMinutes(session.startsAt);
  const sameDay = londonDateOf(session.endsAt) === session.date;
  return (
    timeBandOf({
      date: session.date,
      startMinutes,
      endMinutes: sameDay ? londonMinutes(session.endsAt) : startMinutes,
      schoolHoliday: session.pattern === 'HOLIDAY_SCHEME',
    }) ?? 'SCHOOL_HOURS'
  );
}

export function sessionContribution(session: SessionFacts | null): Contribution {
  const cells: Contribution = new Map();
  if (!session || session.status !== 'SCHEDULED' || !session.listing) return cells;
  const { listing } = session;
  const district = listing.district ?? NOT_KNOWN;
  const time = sessionTimeBand(session);
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  const bands: (AgeBand | typeof ANY)[] = [...ageBandsServed(session.minAge, session.maxAge), ANY];
  const needs = [...new Set(listing.needs.length ? listing.needs : [NOT_KNOWN]), ANY];
  const metrics = { places: session.places, staff: session.staff, sessions: 1, minutes };
  for (const need of needs) {
    for (const band of bands) {
      add(
        cells,
        cellKey('places', month(session.date), district, need, band, time, listing.type),
        metrics,
      );
    }
  }
  return cells;
}

// ---------------------------------------------------------------- bookings

export interface BookingFacts {
  state: string;
  startsAt: Date;
  createdAt: Date;
  district: string | null;
  serviceType: string | null;
  pricePence: number;
  /** The session's length. */
  minutes: number;
  /** How its money stands (FUNDING_STATUSES) and each fund's part (or the card's). */
  funding: string;
  fundingParts: { source: string; amountPence: number }[];
}

const TAKES_PLACE = new Set(['RESERVED', 'CONFIRMED', 'ATTENDED', 'ABSENT']);

export function bookingContribution(booking: BookingFacts | null): Contribution {
  const cells: Contribution = new Map();
  if (!booking) return cells;
  const district = booking.district ?? NOT_KNOWN;
  const type = booking.serviceType ?? NOT_KNOWN;
  const when = month(londonDateOf(booking.startsAt));
  if (TAKES_PLACE.has(booking.state)) {
    add(cells, cellKey('use', when, district, type), {
      booked: 1,
      attended: booking.state === 'ATTENDED' ? 1 : 0,
      absent: booking.state === 'ABSENT' ? 1 : 0,
      minutes: booking.minutes,
      pricePence: booking.pricePence,
    });
  }
  if (booking.state === 'WAITLISTED') {
    add(cells, cellKey('wait', district, type), {
      waiting: 1,
      sinceDay: epochDay(booking.createdAt),
    });
  }
  if (booking.state === 'DECLINED' || booking.state === 'EXPIRED') {
    add(cells, cellKey('offers', when, district, type), {
      declined: booking.state === 'DECLINED' ? 1 : 0,
      expired: booking.state === 'EXPIRED' ? 1 : 0,
    });
  }
  const money = MONEY_OF_FUNDING[booking.funding];
  if (money) {
    const year = budgetYearOf(londonDateOf(booking.startsAt)).startYear;
    for (const part of booking.fundingParts) {
      add(cells, cellKey('money', year, part.source, district, type), {
        [money]: part.amountPence,
      });
    }
  }
  return cells;
}

/** Money still held for a booking is committed; money taken is spent; released is neither. */
const MONEY_OF_FUNDING: Record<string, 'heldPence' | 'spentPence'> = {
  AWAITING_FUNDING: 'heldPence',
  AWAITING_CARD: 'heldPence',
  HELD: 'heldPence',
  CAPTURED: 'spentPence',
};

// ---------------------------------------------------------------- money

export interface FundFacts {
  id: string;
  kind: string;
  year: number;
  /** The child's district, for personal budgets. */
  district: string | null;
}

export interface JournalFacts {
  reason: string;
  state: string;
  postings: { account: string; amountPence: number }[];
  labels: Record<string, string>;
  funds: FundFacts[];
}

/** Journals that change what was allocated: allocations, and money returned at year end. */
export const ALLOCATING_REASONS = ['ALLOCATION', 'YEAR_END_RETURN'];

/**
 * Money allocated, by budget year, fund kind and district (the spend of it is counted
 * from the bookings, by their funding parts, so each booking is read once).
 */
export function journalContribution(journal: JournalFacts | null): Contribution {
  const cells: Contribution = new Map();
  if (!journal || !ALLOCATING_REASONS.includes(journal.reason)) return cells;
  for (const fund of journal.funds) {
    const position = fundPosition(fund.id, [journal]);
    const district =
      journal.labels.district ??
      fund.district ??
      (fund.kind === 'POOLED_FUND' ? 'All of Devon' : NOT_KNOWN);
    const type = journal.labels.serviceType ?? NOT_KNOWN;
    add(cells, cellKey('money', fund.year, fund.kind, district, type), {
      allocatedPence: position.allocatedPence,
    });
  }
  return cells;
}

/** Each fund once, so money for fewer than 5 budgets can be hidden. */
export function fundContribution(fund: FundFacts | null): Contribution {
  const cells: Contribution = new Map();
  if (!fund) return cells;
  add(cells, cellKey('budgets', fund.year, fund.kind, fund.district ?? NOT_KNOWN), { funds: 1 });
  return cells;
}

// ---------------------------------------------------------------- checks and searches

export function decisionContribution(
  decision: { decidedAt: Date; bestTier: string | null } | null,
): Contribution {
  const cells: Contribution = new Map();
  if (!decision) return cells;
  add(
    cells,
    cellKey('eligibility', month(londonDateOf(decision.decidedAt)), decision.bestTier ?? 'NONE'),
    { checks: 1 },
  );
  return cells;
}

/** A family search that found nothing or few services: its filters, never who searched. */
export interface SearchFacts {
  at: Date;
  district: string | null;
  need: string | null;
  ageBand: string | null;
  serviceType: string | null;
  results: number;
}

/** Fewer results than this counts as "few". */
export const FEW_RESULTS = 3;

export function searchContribution(search: SearchFacts | null): Contribution {
  const cells: Contribution = new Map();
  if (!search || search.results >= FEW_RESULTS) return cells;
  add(
    cells,
    cellKey(
      'search',
      month(londonDateOf(search.at)),
      search.district ?? ANY,
      search.need ?? ANY,
      search.ageBand ?? ANY,
      search.serviceType ?? ANY,
      search.results === 0 ? 'NONE' : 'FEW',
    ),
    { searches: 1 },
  );
  return cells;
}

/** A service listed: counted in the month it was first listed, while it stays listed. */
export function listingContribution(
  listing: { listedAt: Date; district: string | null; type: string } | null,
): Contribution {
  const cells: Contribution = new Map();
  if (!listing) return cells;
  add(
    cells,
    cellKey(
      'listed',
      month(londonDateOf(listing.listedAt)),
      listing.district ?? NOT_KNOWN,
      listing.type,
    ),
    { services: 1 },
  );
  return cells;
}
