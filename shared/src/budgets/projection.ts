import { formatMoney, pence } from '../money';
import { budgetYearOf, daysInclusive } from './budget-year';

export interface FundPosition {
  allocatedPence: number;
  heldPence: number;
  spentPence: number;
  availablePence: number;
}

export interface YearEndProjection {
  /** Spent and held by 31 March if spending goes on at the rate so far. */
  projectedPence: number;
  /** The day the money runs out at that rate, when that is before 31 March. */
  runsOutOn: string | null;
  /** What would be left unspent on 31 March. */
  unspentPence: number;
  /** A warning or a note a family reads, or null when neither applies. */
  message: { kind: 'WARNING' | 'NOTE'; text: string } | null;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * Where a fund will stand on 31 March if money goes at the rate it has gone since the year
 * (or the allocation, if later) began: held money counts as going. A fund with nothing spent
 * yet is projected to be left whole, which is worth a note.
 */
export function projectYearEnd(
  position: FundPosition,
  today: string,
  since: string = budgetYearOf(today).firstDay,
): YearEndProjection {
  const year = budgetYearOf(today);
  const committed = position.spentPence + position.heldPence;
  const elapsed = daysInclusive(since < year.firstDay ? year.firstDay : since, today);
  const remaining = daysInclusive(today, year.lastDay) - 1;
  const perDay = elapsed > 0 ? committed / elapsed : 0;
  const projected = Math.round(committed + perDay * remaining);
  let runsOutOn: string | null = null;
  if (perDay > 0 && projected > position.allocatedPence) {
    runsOutOn = addDays(today, Math.floor(position.availablePence / perDay));
  }
  const unspent = Math.max(0, position.allocatedPence - projected);
  const formattedDay = (day: string) => longDate.format(new Date(`${day}T00:00:00Z`));
  let message: YearEndProjection['message'] = null;
  if (runsOutOn) {
    message = {
      kind: 'WARNING',
      text: `At the rate it is being used, this money will run out around ${formattedDay(runsOutOn)}, before the budget year ends on 31 March`,
    };
  } else if (unspent > 0 && position.allocatedPence > 0) {
    message = {
      kind: 'NOTE',
      text: `At the rate it is being used, about ${formatMoney(pence(unspent))} will be left unspent on 31 March. Unspent money goes back to the council`,
    };
  }
  return { projectedPence: projected, runsOutOn, unspentPence: unspent, message };
}
