import type { DatePart, DateParts } from './DateInput';

export const allDateParts: readonly DatePart[] = ['day', 'month', 'year'];

/** YYYY-MM-DD, or null when every part was left blank; or what is wrong and where. */
export type CheckedDate = { value: string | null } | { error: string; parts: readonly DatePart[] };

/**
 * A date typed as day, month and year, checked in the order and words of the GOV.UK date input
 * pattern. `name` begins the messages, like "Date of the last inspection"; whether a blank date
 * or a date in the past will do is for the question to decide.
 */
export function checkDateAnswer(answer: DateParts, name: string): CheckedDate {
  const typed = { day: answer.day.trim(), month: answer.month.trim(), year: answer.year.trim() };
  const missing = allDateParts.filter((part) => typed[part] === '');
  if (missing.length === allDateParts.length) return { value: null };
  if (missing.length > 0) {
    return { error: `${name} must include a ${missing.join(' and ')}`, parts: missing };
  }
  const notNumbers = allDateParts.filter((part) => !/^\d+$/.test(typed[part]));
  if (notNumbers.length > 0) return { error: `${name} must be a real date`, parts: notNumbers };
  if (typed.year.length !== 4) return { error: 'Year must include 4 numbers', parts: ['year'] };
  const [day, month, year] = [Number(typed.day), Number(typed.month), Number(typed.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { error: `${name} must be a real date`, parts: allDateParts };
  }
  return { value: date.toISOString().slice(0, 10) };
}

/** A YYYY-MM-DD date as the day, month and year a person would have typed. */
export function datePartsOf(isoDate: string): DateParts {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
