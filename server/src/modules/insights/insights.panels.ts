/**
 * The commissioners' panels, as pure functions of the summary cells, the directory's
 * listings and today's date. Every count of children passes through `published`, which
 * hides fewer than 5 and rounds the rest to 5, and gap indexes are worked out from the
 * published counts, so nothing here can give away a smaller number.
 */
import {
  budgetYear,
  budgetYearOf,
  DISTRICTS,
  findPostcodeDistrict,
  projectYearEnd,
} from '@harbour/shared';
import type { Listing } from '../directory/listing';
import { ANY, NOT_KNOWN, parseKey, type Metrics } from './insights.cells';
import {
  AGE_BANDS,
  ageBandOf,
  ageBandsServed,
  byBiggestGap,
  canContinuePast18,
  disclosable,
  distanceKm,
  gapIndex,
} from './insights.rules';

export interface InsightsFilter {
  month?: string | null;
  district?: string | null;
  need?: string | null;
  ageBand?: string | null;
  timeBand?: string | null;
  serviceType?: string | null;
}

export interface PanelInput {
  cells: Map<string, Metrics>;
  listings: readonly Listing[];
  /** Europe/London, YYYY-MM-DD. */
  today: string;
  filter: InsightsFilter;
}

export interface InsightCount {
  value: number | null;
  shown: string;
}

export function published(count: number): InsightCount {
  const value = disclosable(count);
  return { value, shown: value === null ? 'fewer than 5' : value.toLocaleString('en-GB') };
}

const money = (amountPence: number) => ({ amountPence: Math.round(amountPence), currency: 'GBP' });
const round1 = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 100) : null;

export const GAP_FORMULA =
  'The gap index is the number of children and young people who need this kind of break ' +
  '(from their profiles, rounded to the nearest 5) for each place a week that services in the ' +
  'district offer them this month. 1 means one child for every weekly place; 4 means four ' +
  'children share each place. Where there are children but no places at all there is no ' +
  'index: those gaps are listed first. Groups of fewer than 5 children are not shown.';

// ---------------------------------------------------------------- periods and ages

export const thisMonth = (today: string) => today.slice(0, 7);

const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return year * 12 + number - 1;
};
const monthOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The 12 months ending with `month`, oldest first. */
export function lastTwelveMonths(month: string): string[] {
  const end = monthIndex(month);
  return Array.from({ length: 12 }, (_, i) => monthOf(end - 11 + i));
}

/** The months of the budget year `month` falls in. */
export function budgetYearMonths(month: string): string[] {
  const start = monthIndex(`${budgetYearOf(`${month}-01`).startYear}-04`);
  return Array.from({ length: 12 }, (_, i) => monthOf(start + i));
}

/** Age in whole years counted by months: a child born in `born` (YYYY-MM) in `month`. */
export function ageByMonth(born: string, month: string): number {
  return Math.floor((monthIndex(month) - monthIndex(born)) / 12);
}

export function weeksIn(month: string): number {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).getUTCDate() / 7;
}

/** The periods (cell parts) each panel reads. */
export function periodsFor(panel: PanelName, filter: InsightsFilter, today: string): string[] {
  const month = filter.month ?? thisMonth(today);
  const year = String(budgetYearOf(`${month}-01`).startYear);
  switch (panel) {
    case 'supply':
    case 'gaps':
    case 'transition':
      return [month, '-'];
    case 'gap':
    case 'demand':
      return [...new Set([month, '-', year, ...lastTwelveMonths(month)])];
    case 'spend':
      return [year, ...budgetYearMonths(month)];
    case 'outcomes':
      return lastTwelveMonths(month);
    case 'quality':
      return [];
  }
}

export const PANEL_NAMES = [
  'supply',
  'demand',
  'gaps',
  'gap',
  'transition',
  'quality',
  'spend',
  'outcomes',
] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

// ---------------------------------------------------------------- reading cells

/** A cell's dimensions: each family has its own (insights.cells.ts); missing ones are ''. */
type Dimensions = [string, string, string, string, string, string, string];

/** Cells of one family, with their dimensions. */
function* family(cells: Map<string, Metrics>, name: string): Generator<[Dimensions, Metrics]> {
  for (const [key, metrics] of cells) {
    const parsed = parseKey(key);
    if (parsed.family !== name) continue;
    const dimensions = Array.from({ length: 7 }, (_, i) => parsed.dimensions[i] ?? '');
    yield [dimensions as Dimensions, metrics];
  }
}

const matches = (wanted: string | null | undefined, value: string) => !wanted || wanted === value;

/** Sums metrics into rows by a key made of some dimensions. */
class Totals<Row extends Record<string, unknown>> {
  readonly rows = new Map<string, { row: Row; m: Metrics }>();
  add(row: Row, metrics: Metrics) {
    const key = Object.values(row).join('|');
    const entry = this.rows.get(key) ?? { row, m: {} };
    for (const [name, value] of Object.entries(metrics))
      entry.m[name] = (entry.m[name] ?? 0) + value;
    this.rows.set(key, entry);
  }
  get(row: Row): Metrics {
    return this.rows.get(Object.values(row).join('|'))?.m ?? {};
  }
  entries() {
    return [...this.rows.values()];
  }
}

/** Children by district × need × age band (need may be ANY), from the demand cells. */
function childrenBy(input: PanelInput, month: string) {
  const totals = new Totals<{ district: string; need: string; ageBand: string; tier: string }>();
  for (const [[district, need, born, tier], m] of family(input.cells, 'demand')) {
    const ageBand = ageBandOf(ageByMonth(born, month));
    if (!ageBand) continue;
    totals.add({ district: district, need: need, ageBand, tier: tier }, m);
  }
  return totals;
}

/** Places (and staff, sessions) in the month by district × need × age band × time × type. */
interface PlaceDimensions {
  district: string;
  need: string;
  ageBand: string;
  timeBand: string;
  serviceType: string;
}

function placesIn(input: PanelInput, month: string) {
  const rows: { dims: PlaceDimensions; m: Metrics }[] = [];
  for (const [[period, district, need, ageBand, timeBand, serviceType], m] of family(
    input.cells,
    'places',
  )) {
    if (period !== month) continue;
    rows.push({
      dims: {
        district: district,
        need: need,
        ageBand: ageBand,
        timeBand: timeBand,
        serviceType: serviceType,
      },
      m,
    });
  }
  return rows;
}

function placesPerWeek(
  input: PanelInput,
  month: string,
  where: { district?: string; need: string; ageBand: string },
) {
  let places = 0;
  for (const { dims, m } of placesIn(input, month)) {
    if (where.district && dims.district !== where.district) continue;
    if (dims.need !== where.need || dims.ageBand !== where.ageBand) continue;
    if (!matches(input.filter.timeBand, dims.timeBand)) continue;
    if (!matches(input.filter.serviceType, dims.serviceType)) continue;
    places += m.places ?? 0;
  }
  return round1(places / weeksIn(month));
}

function serviceOf(listing: Listing) {
  return {
    listingId: listing.id,
    providerName: listing.providerName,
    serviceName: listing.serviceName,
    town: listing.town,
    district: listing.district,
    serviceType: listing.type,
    minAge: listing.minAge,
    maxAge: listing.maxAge,
    registered: listing.compliance.registered,
    continuesPast18: listing.compliance.continuesPast18,
    hiddenFromFamilies: listing.compliance.hiddenFromFamilies,
  };
}

const byName = (a: { district: string; providerName: string }, b: typeof a) =>
  a.district.localeCompare(b.district) || a.providerName.localeCompare(b.providerName);

// ---------------------------------------------------------------- supply

export function supplyPanel(input: PanelInput) {
  const { filter } = input;
  const month = filter.month ?? thisMonth(input.today);
  const weeks = weeksIn(month);
  const places = placesIn(input, month)
    .filter(
      ({ dims }) =>
        dims.need !== ANY &&
        dims.ageBand !== ANY &&
        matches(filter.district, dims.district) &&
        matches(filter.need, dims.need) &&
        matches(filter.ageBand, dims.ageBand) &&
        matches(filter.timeBand, dims.timeBand) &&
        matches(filter.serviceType, dims.serviceType),
    )
    .map(({ dims, m }) => ({
      ...dims,
      placesPerWeek: round1((m.places ?? 0) / weeks),
      staffPerWeek: round1((m.staff ?? 0) / weeks),
      sessionsPerWeek: round1((m.sessions ?? 0) / weeks),
    }))
    .sort((a, b) => Object.values(a).join('|').localeCompare(Object.values(b).join('|')));

  const listed = new Totals<{
    district: string;
    need: string;
    ageBand: string;
    serviceType: string;
    registered: boolean;
  }>();
  for (const listing of input.listings) {
    const district = listing.district || NOT_KNOWN;
    if (!matches(filter.district, district) || !matches(filter.serviceType, listing.type)) continue;
    for (const need of listing.needs.length ? listing.needs : [NOT_KNOWN]) {
      if (!matches(filter.need, need)) continue;
      for (const ageBand of ageBandsServed(listing.minAge, listing.maxAge)) {
        if (!matches(filter.ageBand, ageBand)) continue;
        listed.add(
          {
            district,
            need,
            ageBand,
            serviceType: listing.type,
            registered: listing.compliance.registered,
          },
          { services: 1 },
        );
      }
    }
  }
  return {
    month,
    weeks: round1(weeks),
    places,
    listed: listed
      .entries()
      .map(({ row, m }) => ({ ...row, services: m.services ?? 0 }))
      .sort((a, b) => Object.values(a).join('|').localeCompare(Object.values(b).join('|'))),
    coverage: coverage(input, month),
  };
}

/** Children with a listed service for their age and one of their needs within each distance. */
function coverage(input: PanelInput, month: string) {
  const { filter } = input;
  // Where suitable services are, by need and age band: each place once, however many
  // services it has (there are thousands of services and a few hundred places).
  const places = new Map<string, Map<string, { lat: number; lng: number }>>();
  for (const listing of input.listings) {
    if (listing.compliance.hiddenFromFamilies) continue;
    for (const ageBand of ageBandsServed(listing.minAge, listing.maxAge)) {
      for (const need of [...listing.needs, ANY]) {
        const key = `${need}|${ageBand}`;
        const here = places.get(key) ?? new Map<string, { lat: number; lng: number }>();
        here.set(`${listing.lat},${listing.lng}`, { lat: listing.lat, lng: listing.lng });
        places.set(key, here);
      }
    }
  }
  const points = new Map([...places].map(([key, here]) => [key, [...here.values()]]));
  const tallies = [10, 20, 30].map((withinKm) => ({ withinKm, all: 0, covered: 0 }));
  for (const [[postcodeDistrict, needs, born], m] of family(input.cells, 'home')) {
    const place = findPostcodeDistrict(postcodeDistrict);
    const ageBand = ageBandOf(ageByMonth(born, month));
    if (!place || !ageBand) continue;
    const needList = needs === NOT_KNOWN ? [ANY] : needs.split('+');
    if (!matches(filter.district, place.district) || !matches(filter.ageBand, ageBand)) continue;
    if (filter.need && !needList.includes(filter.need)) continue;
    let nearest = Infinity;
    for (const need of needList) {
      for (const point of points.get(`${need}|${ageBand}`) ?? []) {
        nearest = Math.min(nearest, distanceKm(place, point));
      }
    }
    for (const tally of tallies) {
      tally.all += m.children ?? 0;
      if (nearest <= tally.withinKm) tally.covered += m.children ?? 0;
    }
  }
  return tallies.map(({ withinKm, all, covered }) => {
    const [shownAll, shownCovered] = [published(all), published(covered)];
    return {
      withinKm,
      children: shownAll,
      covered: shownCovered,
      percent: shownAll.value ? percent(shownCovered.value ?? 0, shownAll.value) : null,
    };
  });
}

// ---------------------------------------------------------------- demand

export function demandPanel(input: PanelInput) {
  const { filter } = input;
  const month = filter.month ?? thisMonth(input.today);
  const months = new Set(lastTwelveMonths(month));
  const children = childrenBy(input, month)
    .entries()
    .filter(
      ({ row }) =>
        row.need !== ANY &&
        matches(filter.district, row.district) &&
        matches(filter.need, row.need) &&
        matches(filter.ageBand, row.ageBand),
    )
    .map(({ row, m }) => ({ ...row, children: published(m.children ?? 0) }))
    .sort((a, b) => Object.values(a).join('|').localeCompare(Object.values(b).join('|')));

  const eligibility = [...family(input.cells, 'eligibility')]
    .filter(([[period]]) => months.has(period))
    .map(([[period, tier], m]) => ({
      month: period,
      tier: tier,
      checks: published(m.checks ?? 0),
    }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.tier.localeCompare(b.tier));

  const searches = [...family(input.cells, 'search')]
    .filter(
      ([[period, district, need, ageBand]]) =>
        months.has(period) &&
        matches(filter.district, district) &&
        matches(filter.need, need) &&
        matches(filter.ageBand, ageBand),
    )
    .map(([[period, district, need, ageBand, serviceType, results], m]) => ({
      month: period,
      district: district,
      need: need,
      ageBand: ageBand,
      serviceType: serviceType,
      results: results,
      searches: published(m.searches ?? 0),
    }))
    .sort((a, b) => Object.values(a).join('|').localeCompare(Object.values(b).join('|')));

  const today = Math.floor(new Date(`${input.today}T12:00:00Z`).getTime() / 86_400_000);
  const waitlists = [...family(input.cells, 'wait')]
    .filter(
      ([[district, serviceType], m]) =>
        (m.waiting ?? 0) > 0 &&
        matches(filter.district, district) &&
        matches(filter.serviceType, serviceType),
    )
    .map(([[district, serviceType], m]) => {
      const waiting = published(m.waiting ?? 0);
      return {
        district: district,
        serviceType: serviceType,
        waiting,
        averageWaitDays:
          waiting.value === null ? null : Math.round(today - (m.sinceDay ?? 0) / (m.waiting ?? 1)),
      };
    })
    .sort(
      (a, b) => a.district.localeCompare(b.district) || a.serviceType.localeCompare(b.serviceType),
    );

  const offers = [...family(input.cells, 'offers')]
    .filter(
      ([[period, district, serviceType], m]) =>
        months.has(period) &&
        (m.declined || m.expired) &&
        matches(filter.district, district) &&
        matches(filter.serviceType, serviceType),
    )
    .map(([[period, district, serviceType], m]) => ({
      month: period,
      district: district,
      serviceType: serviceType,
      declined: published(m.declined ?? 0),
      expired: published(m.expired ?? 0),
    }))
    .sort((a, b) => Object.values(a).join('|').localeCompare(Object.values(b).join('|')));

  return {
    children,
    eligibility,
    searches,
    waitlists,
    offers,
    unspentBudgets: unspent(input, month),
  };
}

const PERSONAL_KINDS = new Set(['PERSONAL_BUDGET', 'PERSONAL_HEALTH_BUDGET']);

/** Personal and health budgets not yet spent or committed, by district (the month's budget year). */
function unspent(input: PanelInput, month: string) {
  const year = String(budgetYearOf(`${month}-01`).startYear);
  const byDistrict = new Totals<{ district: string }>();
  for (const [[period, kind, district], m] of family(input.cells, 'money')) {
    if (period !== year || !PERSONAL_KINDS.has(kind)) continue;
    byDistrict.add({ district: district }, m);
  }
  for (const [[period, kind, district], m] of family(input.cells, 'budgets')) {
    if (period !== year || !PERSONAL_KINDS.has(kind)) continue;
    byDistrict.add({ district: district }, m);
  }
  return byDistrict
    .entries()
    .filter(({ row }) => matches(input.filter.district, row.district))
    .map(({ row, m }) => {
      const budgets = published(m.funds ?? 0);
      const allocated = m.allocatedPence ?? 0;
      const left = allocated - (m.heldPence ?? 0) - (m.spentPence ?? 0);
      return {
        district: row.district,
        budgets,
        allocated: budgets.value === null ? null : money(allocated),
        unspent: budgets.value === null ? null : money(left),
      };
    })
    .sort((a, b) => a.district.localeCompare(b.district));
}

// ---------------------------------------------------------------- gaps

function gapCells(input: PanelInput, month: string) {
  const { filter } = input;
  const demand = new Totals<{ district: string; need: string; ageBand: string }>();
  for (const { row, m } of childrenBy(input, month).entries()) {
    if (row.need === ANY) continue;
    demand.add({ district: row.district, need: row.need, ageBand: row.ageBand }, m);
  }
  const places = new Totals<{ district: string; need: string; ageBand: string }>();
  for (const { dims, m } of placesIn(input, month)) {
    if (!matches(filter.timeBand, dims.timeBand) || !matches(filter.serviceType, dims.serviceType))
      continue;
    places.add({ district: dims.district, need: dims.need, ageBand: dims.ageBand }, m);
  }
  const weeks = weeksIn(month);
  const cells = demand
    .entries()
    .filter(
      ({ row }) =>
        row.district !== NOT_KNOWN &&
        matches(filter.district, row.district) &&
        matches(filter.need, row.need) &&
        matches(filter.ageBand, row.ageBand),
    )
    .map(({ row, m }) => {
      const children = published(m.children ?? 0);
      const perWeek = round1((places.get(row).places ?? 0) / weeks);
      return { ...row, children, demand: children.value ?? 0, placesPerWeek: perWeek };
    })
    .filter((cell) => cell.children.value !== null);
  return byBiggestGap(cells).map((cell, index) => ({
    rank: index + 1,
    district: cell.district,
    need: cell.need,
    ageBand: cell.ageBand,
    children: cell.children,
    placesPerWeek: cell.placesPerWeek,
    gapIndex: gapIndex(cell.demand, cell.placesPerWeek),
  }));
}

function districtCentre(name: string) {
  const towns = DISTRICTS.find((district) => district.name === name)?.towns ?? [];
  const mean = (pick: (town: (typeof towns)[number]) => number) =>
    towns.reduce((sum, town) => sum + pick(town), 0) / Math.max(1, towns.length);
  return { lat: round3(mean((town) => town.lat)), lng: round3(mean((town) => town.lng)) };
}
const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function gapsPanel(input: PanelInput) {
  const month = input.filter.month ?? thisMonth(input.today);
  const children = childrenBy(input, month);
  const districts = DISTRICTS.map(({ name }) => {
    let count = 0;
    for (const { row, m } of children.entries()) {
      if (row.district === name && row.need === ANY && matches(input.filter.ageBand, row.ageBand))
        count += m.children ?? 0;
    }
    const shown = published(count);
    const perWeek = placesPerWeek(input, month, {
      district: name,
      need: input.filter.need ?? ANY,
      ageBand: input.filter.ageBand ?? ANY,
    });
    return {
      district: name,
      ...districtCentre(name),
      children: shown,
      placesPerWeek: perWeek,
      gapIndex: shown.value === null ? null : gapIndex(shown.value, perWeek),
    };
  });
  return { month, formula: GAP_FORMULA, cells: gapCells(input, month), districts };
}

export function gapPanel(input: PanelInput) {
  const { filter } = input;
  const month = filter.month ?? thisMonth(input.today);
  const where = {
    district: filter.district ?? '',
    need: filter.need ?? '',
    ageBand: filter.ageBand ?? '',
  };
  const months = new Set(lastTwelveMonths(month));
  const byTier = new Totals<{ tier: string }>();
  for (const { row, m } of childrenBy(input, month).entries()) {
    if (row.district === where.district && row.need === where.need && row.ageBand === where.ageBand)
      byTier.add({ tier: row.tier }, m);
  }
  const total = byTier.entries().reduce((sum, { m }) => sum + (m.children ?? 0), 0);
  const children = published(total);
  const perWeek = placesPerWeek(input, month, where);
  const byTime = new Totals<{ timeBand: string }>();
  for (const { dims, m } of placesIn(input, month)) {
    if (
      dims.district === where.district &&
      dims.need === where.need &&
      dims.ageBand === where.ageBand
    )
      byTime.add({ timeBand: dims.timeBand }, m);
  }
  let waiting = 0;
  for (const [[district], m] of family(input.cells, 'wait')) {
    if (district === where.district) waiting += m.waiting ?? 0;
  }
  let searches = 0;
  for (const [[period, district, need, ageBand], m] of family(input.cells, 'search')) {
    if (!months.has(period)) continue;
    if (district !== where.district && district !== ANY) continue;
    if (need !== where.need || (ageBand !== where.ageBand && ageBand !== ANY)) continue;
    searches += m.searches ?? 0;
  }
  const services = input.listings
    .filter(
      (listing) =>
        listing.district === where.district &&
        (listing.needs.includes(where.need) || where.need === NOT_KNOWN) &&
        (ageBandsServed(listing.minAge, listing.maxAge) as string[]).includes(where.ageBand),
    )
    .map(serviceOf)
    .sort(byName);
  return {
    month,
    ...where,
    gapIndex: children.value === null ? null : gapIndex(children.value, perWeek),
    children,
    childrenByTier: byTier
      .entries()
      .map(({ row, m }) => ({ tier: row.tier, children: published(m.children ?? 0) }))
      .sort((a, b) => a.tier.localeCompare(b.tier)),
    placesByTime: byTime
      .entries()
      .map(({ row, m }) => ({
        timeBand: row.timeBand,
        placesPerWeek: round1((m.places ?? 0) / weeksIn(month)),
      }))
      .sort((a, b) => a.timeBand.localeCompare(b.timeBand)),
    waiting: published(waiting),
    searchesWithFewResults: published(searches),
    services,
  };
}

// ---------------------------------------------------------------- transition

const TRANSITION_BANDS = ['16-17', '18-25'];

function servesTransition(listing: Listing) {
  return ageBandsServed(listing.minAge, listing.maxAge).some((band) =>
    TRANSITION_BANDS.includes(band),
  );
}

export function transitionPanel(input: PanelInput) {
  const { filter } = input;
  const month = filter.month ?? thisMonth(input.today);
  const services = input.listings
    .filter((listing) => servesTransition(listing) && matches(filter.district, listing.district))
    .map(serviceOf)
    .sort(byName);
  const children = childrenBy(input, month);
  const districts = DISTRICTS.filter(({ name }) => matches(filter.district, name)).map(
    ({ name }) => {
      const here = services.filter((service) => service.district === name);
      let young = 0;
      for (const { row, m } of children.entries()) {
        if (row.district === name && row.need === ANY && TRANSITION_BANDS.includes(row.ageBand))
          young += m.children ?? 0;
      }
      const youngPeople = published(young);
      const perWeek = placesPerWeek(input, month, { district: name, need: ANY, ageBand: '18-25' });
      return {
        district: name,
        services: here.length,
        continuingPast18: here.filter(canContinuePast18).length,
        youngPeople,
        placesPerWeek: perWeek,
        gapIndex: youngPeople.value === null ? null : gapIndex(youngPeople.value, perWeek),
      };
    },
  );
  const now = monthIndex(month);
  const turning = new Totals<{ district: string }>();
  for (const [[district, born, status], m] of family(input.cells, 'turning18')) {
    const eighteenth = monthIndex(born) + 18 * 12;
    if (eighteenth <= now || eighteenth > now + 12 || !matches(filter.district, district)) continue;
    turning.add(
      { district: district },
      {
        all: m.children ?? 0,
        cannot: status === 'SOME_CANNOT' ? (m.children ?? 0) : 0,
        none: status === 'NONE' ? (m.children ?? 0) : 0,
      },
    );
  }
  return {
    month,
    districts,
    turningEighteen: turning
      .entries()
      .map(({ row, m }) => ({
        district: row.district,
        youngPeople: published(m.all ?? 0),
        servicesCannotContinue: published(m.cannot ?? 0),
        noServiceBooked: published(m.none ?? 0),
      }))
      .sort((a, b) => a.district.localeCompare(b.district)),
    services,
  };
}

// ---------------------------------------------------------------- quality

export function qualityPanel(input: PanelInput) {
  const { filter } = input;
  const ratings = new Totals<{ regulator: string; rating: string }>();
  const stale: ReturnType<typeof flagged>[] = [];
  const stillListed: ReturnType<typeof flagged>[] = [];
  for (const listing of input.listings) {
    if (!matches(filter.district, listing.district) || !matches(filter.serviceType, listing.type))
      continue;
    for (const regulator of ['OFSTED', 'CQC'] as const) {
      const latest = listing.registrations
        .filter((registration) => registration.regulator === regulator && registration.rating)
        .sort((a, b) => (b.inspectedOn ?? '').localeCompare(a.inspectedOn ?? ''))[0];
      if (latest) ratings.add({ regulator, rating: latest.rating ?? '' }, { services: 1 });
    }
    const codes = listing.compliance.flags.map((flag) => flag.code);
    if (codes.includes('INSPECTION_OVERDUE')) stale.push(flagged(listing, ['INSPECTION_OVERDUE']));
    if (codes.includes('RATED_INADEQUATE') || codes.includes('REGISTRATION_LAPSED'))
      stillListed.push(flagged(listing, ['RATED_INADEQUATE', 'REGISTRATION_LAPSED']));
  }
  const byService = (a: ReturnType<typeof flagged>, b: ReturnType<typeof flagged>) =>
    byName(a.service, b.service);
  return {
    ratings: ratings
      .entries()
      .map(({ row, m }) => ({ ...row, services: m.services ?? 0 }))
      .sort((a, b) => a.regulator.localeCompare(b.regulator) || a.rating.localeCompare(b.rating)),
    staleInspections: stale.sort(byService),
    stillListed: stillListed.sort(byService),
  };
}

function flagged(listing: Listing, codes: string[]) {
  const flags = listing.compliance.flags.filter((flag) => codes.includes(flag.code));
  return {
    service: serviceOf(listing),
    regulator: listing.registrations[0]?.regulator ?? null,
    flags: flags.map((flag) => flag.message),
  };
}

// ---------------------------------------------------------------- spend and value

const COMMUNITY_TYPES = new Set(['INCLUSIVE_ACTIVITY', 'AFTER_SCHOOL_CLUB', 'WEEKEND_CLUB']);

export function spendPanel(input: PanelInput) {
  const { filter } = input;
  const month = filter.month ?? thisMonth(input.today);
  const { startYear } = budgetYearOf(`${month}-01`);
  const months = new Set(budgetYearMonths(month));

  const byFund = new Totals<{ fundKind: string; serviceType: string }>();
  for (const [[period, kind, district, serviceType], m] of family(input.cells, 'money')) {
    if (period !== String(startYear) || !matches(filter.district, district)) continue;
    byFund.add({ fundKind: kind, serviceType: serviceType }, m);
  }
  // Personal and health budgets' money is shown only where at least 5 budgets make it up.
  const budgets = new Totals<{ fundKind: string }>();
  for (const [[period, kind, district], m] of family(input.cells, 'budgets')) {
    if (period === String(startYear) && matches(filter.district, district))
      budgets.add({ fundKind: kind }, m);
  }
  const hidden = (fundKind: string) =>
    PERSONAL_KINDS.has(fundKind) && published(budgets.get({ fundKind }).funds ?? 0).value === null;
  const shownMoney = (fundKind: string, pence: number | undefined) =>
    hidden(fundKind) ? null : money(pence ?? 0);

  const use = new Totals<{ serviceType: string }>();
  for (const [[period, district, serviceType], m] of family(input.cells, 'use')) {
    if (!months.has(period) || !matches(filter.district, district)) continue;
    use.add({ serviceType: serviceType }, m);
  }
  const capacity = new Totals<{ serviceType: string }>();
  for (const [[period, district, need, ageBand, , serviceType], m] of family(
    input.cells,
    'places',
  )) {
    if (!months.has(period) || need !== ANY || ageBand !== ANY) continue;
    if (!matches(filter.district, district)) continue;
    capacity.add({ serviceType: serviceType }, m);
  }
  const types = [
    ...new Set([...use.entries(), ...capacity.entries()].map(({ row }) => row.serviceType)),
  ].sort();

  let envelope = 0;
  let spent = 0;
  let committed = 0;
  // A total with hidden money in it would give that money away by subtraction.
  const leftOut = new Set<string>();
  for (const { row, m } of byFund.entries()) {
    if (hidden(row.fundKind)) {
      leftOut.add(row.fundKind);
      continue;
    }
    envelope += m.allocatedPence ?? 0;
    if (row.fundKind === 'CARD') continue;
    spent += m.spentPence ?? 0;
    committed += m.heldPence ?? 0;
  }
  const year = budgetYear(startYear);
  const asOf = input.today > year.lastDay ? year.lastDay : input.today;
  const projection = projectYearEnd(
    {
      allocatedPence: envelope,
      heldPence: committed,
      spentPence: spent,
      availablePence: envelope - spent - committed,
    },
    asOf < year.firstDay ? year.firstDay : asOf,
  );
  return {
    month,
    year: startYear,
    byFund: byFund
      .entries()
      .map(({ row, m }) => ({
        ...row,
        allocated: shownMoney(row.fundKind, m.allocatedPence),
        held: shownMoney(row.fundKind, m.heldPence),
        spent: shownMoney(row.fundKind, m.spentPence),
      }))
      .sort(
        (a, b) =>
          a.fundKind.localeCompare(b.fundKind) || a.serviceType.localeCompare(b.serviceType),
      ),
    costPerHour: use
      .entries()
      .map(({ row, m }) => ({
        serviceType: row.serviceType,
        bookedHours: round1((m.minutes ?? 0) / 60),
        costPerHour: m.minutes ? money(((m.pricePence ?? 0) * 60) / m.minutes) : null,
      }))
      .sort((a, b) => a.serviceType.localeCompare(b.serviceType)),
    // Bookings are counted the children's way too: a type with few could point to a child.
    utilisation: types.map((serviceType) => {
      const used = use.get({ serviceType });
      const places = capacity.get({ serviceType }).places ?? 0;
      const [booked, attended, absent] = [used.booked, used.attended, used.absent].map((n) =>
        published(n ?? 0),
      ) as [InsightCount, InsightCount, InsightCount];
      const came = (attended.value ?? 0) + (absent.value ?? 0);
      return {
        serviceType,
        places,
        booked,
        attended,
        absent,
        attendedPercent:
          attended.value === null || absent.value === null ? null : percent(attended.value, came),
        bookedPercent: booked.value === null ? null : percent(booked.value, places),
      };
    }),
    forecast: {
      year: startYear,
      envelope: money(envelope),
      spent: money(spent),
      committed: money(committed),
      forecast: money(projection.projectedPence),
      headroom: money(envelope - projection.projectedPence),
      leavesOut: [...leftOut].sort(),
    },
  };
}

// ---------------------------------------------------------------- outcome measures

export function outcomesPanel(input: PanelInput) {
  const month = input.filter.month ?? thisMonth(input.today);
  const months = lastTwelveMonths(month);
  const sums = new Totals<{ month: string }>();
  const local = new Totals<{ month: string; district: string }>();
  for (const [[period, district, serviceType], m] of family(input.cells, 'use')) {
    if (!matches(input.filter.district, district)) continue;
    const attended = COMMUNITY_TYPES.has(serviceType) ? (m.attended ?? 0) : 0;
    sums.add({ month: period }, { ...m, community: attended });
    if (attended) local.add({ month: period, district: district }, { attended });
  }
  for (const [[period, district], m] of family(input.cells, 'listed')) {
    if (matches(input.filter.district, district)) sums.add({ month: period }, m);
  }
  for (const [[period, district], m] of family(input.cells, 'shared')) {
    if (matches(input.filter.district, district)) sums.add({ month: period }, m);
  }
  return {
    months: months.map((period) => {
      const m = sums.get({ month: period });
      return {
        month: period,
        localCommunityAttendances: published(m.community ?? 0),
        newServices: m.services ?? 0,
        profilesShared: published(m.profiles ?? 0),
        bookings: published(m.booked ?? 0),
        costPerHour: m.minutes ? money(((m.pricePence ?? 0) * 60) / m.minutes) : null,
      };
    }),
    localUse: local
      .entries()
      .filter(({ row }) => months.includes(row.month))
      .map(({ row, m }) => ({ ...row, attendances: published(m.attended ?? 0) }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.district.localeCompare(b.district)),
  };
}

export const PANELS: Record<PanelName, (input: PanelInput) => unknown> = {
  supply: supplyPanel,
  demand: demandPanel,
  gaps: gapsPanel,
  gap: gapPanel,
  transition: transitionPanel,
  quality: qualityPanel,
  spend: spendPanel,
  outcomes: outcomesPanel,
};

export { AGE_BANDS };
