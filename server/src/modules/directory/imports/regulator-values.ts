import type { Registration } from '@harbour/shared';

/**
 * The values regulators' files use for judgements, dates and statuses, turned into
 * Harbour's codes. Each returns null for a value it does not know, so an odd cell never
 * becomes a wrong rating.
 */

const JUDGEMENTS: Record<string, string> = {
  '1': 'OUTSTANDING',
  outstanding: 'OUTSTANDING',
  '2': 'GOOD',
  good: 'GOOD',
  '3': 'REQUIRES_IMPROVEMENT',
  'requires improvement': 'REQUIRES_IMPROVEMENT',
  'requires improvement to be good': 'REQUIRES_IMPROVEMENT',
  '4': 'INADEQUATE',
  inadequate: 'INADEQUATE',
  met: 'MET',
  'not met': 'NOT_MET',
  'not rated': 'NOT_RATED',
  'not yet rated': 'NOT_RATED',
  'insufficient evidence': 'INSUFFICIENT_EVIDENCE',
  'insufficient evidence to rate': 'INSUFFICIENT_EVIDENCE',
};

/**
 * A judgement as words or as Ofsted's grades 1 (Outstanding) to 4 (Inadequate); childcare
 * register outcomes as Met / Not met ("Not met with actions" is Not met).
 */
export function judgementOf(value: string): string | null {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (JUDGEMENTS[key]) return JUDGEMENTS[key];
  if (key.startsWith('not met')) return 'NOT_MET';
  if (key.startsWith('met')) return 'MET';
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date as YYYY-MM-DD, from the forms the files use: `09/Jan/2018 - 00:00` (CQC),
 * `14/03/2023` (Ofsted, day first), `2023-03-14` (ISO, with or without a time).
 */
export function isoDateOf(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[/-]([A-Za-z]{3,9}|\d{1,2})[/-](\d{4}|\d{2})\b/.exec(trimmed);
  if (!dayFirst) return null;
  const [, day, monthText, yearText] = dayFirst as unknown as [string, string, string, string];
  const month = /^\d+$/.test(monthText)
    ? Number(monthText)
    : MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
  if (month < 1) return null;
  // Two-digit years (Excel's `14-Mar-23`) are this century's.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return isoDate(year, month, Number(day));
}

/** A registration status as the registers word it ("Active", "Suspended", "Resigned", …). */
export function registrationStatusOf(value: string): Registration['status'] | null {
  const key = value.trim().toLowerCase();
  if (key.includes('suspend')) return 'SUSPENDED';
  if (key === 'active' || key === 'registered' || key === 'open') return 'ACTIVE';
  if (key.startsWith('resign')) return 'RESIGNED';
  if (key.startsWith('cancel') || key === 'closed' || key === 'inactive') return 'CANCELLED';
  return null;
}
