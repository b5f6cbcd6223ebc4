/**
 * The commissioners' insight cells, as pure rules: which age band a child or a service falls
 * in, which time of the week a session serves, how far apart two places are, and the gap
 * index that ranks where demand outruns supply. Small counts are hidden by the eligibility
 * preview's rule (`disclosable`), so no count can be recovered by subtracting one cell from
 * another.
 */
import { distanceKm } from '../directory/search.rules';
import { disclosable } from '../eligibility/eligibility.rules';

export { disclosable, distanceKm };

export const AGE_BANDS = [
  { band: '0-4', from: 0, to: 4 },
  { band: '5-10', from: 5, to: 10 },
  { band: '11-15', from: 11, to: 15 },
  { band: '16-17', from: 16, to: 17 },
  { band: '18-25', from: 18, to: 25 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['band'];

/** The band of an age in whole years; null outside 0 to 25, whom Harbour does not serve. */
export function ageBandOf(age: number): AgeBand | null {
  return AGE_BANDS.find(({ from, to }) => age >= from && age <= to)?.band ?? null;
}

/** Every band a service for ages `minAge` to `maxAge` serves, in part or whole. */
export function ageBandsServed(minAge: number, maxAge: number): AgeBand[] {
  return AGE_BANDS.filter(({ from, to }) => minAge <= to && maxAge >= from).map(({ band }) => band);
}

export const TIME_BANDS = [
  'WEEKDAY_AFTER_SCHOOL',
  'WEEKEND',
  'SCHOOL_HOLIDAY',
  'OVERNIGHT',
] as const;
export type TimeBand = (typeof TIME_BANDS)[number];

/** When a session runs, in Europe/London wall-clock. */
export interface SessionTime {
  /** YYYY-MM-DD. */
  date: string;
  /** Minutes after midnight that it starts and ends; an end before the start is the next day. */
  startMinutes: number;
  endMinutes: number;
  /** In a school holiday (a holiday scheme's days, or a date the council's calendar names). */
  schoolHoliday: boolean;
}

const AFTER_SCHOOL_FROM = 15 * 60;

/**
 * The time of the week a session serves: overnight if it runs past midnight, then a school
 * holiday, then a weekend, then a weekday from 3pm; null for a weekday in school hours,
 * which none of the four covers.
 */
export function timeBandOf(session: SessionTime): TimeBand | null {
  if (session.endMinutes <= session.startMinutes) return 'OVERNIGHT';
  if (session.schoolHoliday) return 'SCHOOL_HOLIDAY';
  const weekday = new Date(`${session.date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return 'WEEKEND';
  return session.endMinutes > AFTER_SCHOOL_FROM ? 'WEEKDAY_AFTER_SCHOOL' : null;
}

/**
 * The gap index of a cell, in plain words: how many children who need this kind of break
 * there are for each place a week. 0 means nobody is waiting for one; above 1 there are more
 * children than places. A cell with children and no places at all has no index (null) and is
 * ranked first, since no number of places would show how short it is.
 */
export function gapIndex(demand: number, placesPerWeek: number): number | null {
  if (placesPerWeek <= 0) return demand > 0 ? null : 0;
  return Math.round((demand / placesPerWeek) * 100) / 100;
}

/** Cells ordered biggest gap first: no places before any index, then by index, then demand. */
export function byBiggestGap<Cell extends { demand: number; placesPerWeek: number }>(
  cells: readonly Cell[],
): Cell[] {
  const rank = (cell: Cell) => gapIndex(cell.demand, cell.placesPerWeek) ?? Infinity;
  return [...cells]
    .filter((cell) => cell.demand > 0)
    .sort((a, b) => rank(b) - rank(a) || b.demand - a.demand);
}

/**
 * Whether a young person can stay with a service after 18: it must run past 18 and, where
 * it gives personal care, be registered with CQC (Ofsted's registration ends at 18).
 */
export function canContinuePast18(service: { maxAge: number; continuesPast18: string }): boolean {
  return service.maxAge >= 18 && service.continuesPast18 !== 'NO';
}
