import { londonToday } from '../ages';

/**
 * A budget year runs from 1 April to 31 March. It is named by the calendar year it starts
 * in and written as councils write it: 2026 is "2026 to 2027".
 */
export interface BudgetYear {
  startYear: number;
  /** YYYY-MM-DD, both inclusive. */
  firstDay: string;
  lastDay: string;
  label: string;
}

export function budgetYear(startYear: number): BudgetYear {
  return {
    startYear,
    firstDay: `${startYear}-04-01`,
    lastDay: `${startYear + 1}-03-31`,
    label: `${startYear} to ${startYear + 1}`,
  };
}

/** The budget year a London date (YYYY-MM-DD) falls in. */
export function budgetYearOf(date: string = londonToday()): BudgetYear {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return budgetYear(month >= 4 ? year : year - 1);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), counting both. */
export function daysInclusive(from: string, to: string): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return Math.max(0, day(to) - day(from) + 1);
}
