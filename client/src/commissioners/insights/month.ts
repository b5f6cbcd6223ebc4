import { useSearchParams } from 'react-router';
import { londonToday } from '../../govuk/dates';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month in the UK, as YYYY-MM. */
export const thisMonth = () => londonToday().slice(0, 7);

/** The month `offset` months after `month` (before, when negative), as YYYY-MM. */
function addMonths(month: string, offset: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 1 + offset, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * The months a commissioner may look at, newest first: the last year, and the next three
 * months, whose sessions providers have already scheduled.
 */
export function monthChoices(today = thisMonth()): string[] {
  return Array.from({ length: 16 }, (_, index) => addMonths(today, 3 - index));
}

/**
 * The month the insights pages show, from `?month=` so that a link or a bookmark keeps it;
 * this month when there is none (or it is not a month).
 */
export function useMonth(): [month: string, choose: (month: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : thisMonth();
  return [month, (chosen) => setParams({ month: chosen })];
}
