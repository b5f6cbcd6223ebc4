import { formatMoney, needLabel, SERVICE_TYPES, type Money } from '@harbour/shared';
import { formatCalendarMonth } from '../../govuk/dates';
import { poolTierLabel } from '../budgets/budgetsApi';
import type { InsightCount } from './insightsApi';

// The summaries count a record once for every need as '*', and keep what a record did not say
// as NOT_KNOWN: neither is a code the vocabularies know.
const ANY = '*';
const NOT_KNOWN = 'NOT_KNOWN';

function dimension(code: string, label: (code: string) => string): string {
  if (code === ANY) return 'Any';
  if (code === NOT_KNOWN) return 'Not known';
  return label(code);
}

/** What the page shows for a count: its published form ("fewer than 5", "15"), never the value. */
export const shown = (count: InsightCount) => count.shown;

export const districtWords = (district: string) => dimension(district, (name) => name);
export const needWords = (need: string) => dimension(need, needLabel);
export const serviceTypeWords = (type: string) => dimension(type, SERVICE_TYPES.label);
export const tierWords = (tier: string) =>
  tier === 'NONE' ? 'No tier' : dimension(tier, poolTierLabel);

/** "5-10" as "5 to 10". */
export const ageBandWords = (band: string) => dimension(band, (code) => code.replace('-', ' to '));

const timeBands: Record<string, string> = {
  WEEKDAY_AFTER_SCHOOL: 'Weekday after school',
  WEEKEND: 'Weekend',
  SCHOOL_HOLIDAY: 'School holiday',
  OVERNIGHT: 'Overnight',
  SCHOOL_HOURS: 'Weekday in school hours',
};
export const timeBandWords = (band: string) => dimension(band, (code) => timeBands[code] ?? code);

/** "2026-12" as "December 2026". */
export const monthWords = (month: string) => formatCalendarMonth(`${month}-01`);

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Places, staff or sessions a week, to one decimal place. */
export const perWeek = (amount: number) => oneDecimal.format(amount);

/**
 * Children for each place a week. There is no index where there are children and no places,
 * nor where the children are too few to show.
 */
export function gapIndexWords(index: number | null, children: InsightCount): string {
  if (index !== null) return twoDecimals.format(index);
  return children.value === null ? 'Not shown' : 'No places';
}

export const percentWords = (percent: number | null, otherwise = 'Not shown') =>
  percent === null ? otherwise : `${percent}%`;

/** An amount, or what stands for one the panel does not give (too few to show, none booked). */
export const moneyWords = (money: Money | null, otherwise = 'Not shown') =>
  money ? formatMoney(money) : otherwise;

/** A number the panel hides when it counts fewer than 5. */
export const hiddenNumber = (value: number | null) =>
  value === null ? 'Not shown' : String(value);

export const yesNo = (answer: boolean) => (answer ? 'Yes' : 'No');

/** One gap cell in words, as in "Exeter, Autism, ages 5 to 10". */
export const cellWords = (cell: { district: string; need: string; ageBand: string }) =>
  `${districtWords(cell.district)}, ${needWords(cell.need)}, ages ${ageBandWords(cell.ageBand)}`;
