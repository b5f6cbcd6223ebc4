/** Harbour serves children and young people up to 25 (SEND services run 0–25). */
export const MAX_AGE_YEARS = 25;

/** From this age a young person may hold a Harbour account of their own. */
export const YOUNG_PERSON_MIN_AGE = 16;

export function canHaveOwnAccount(child: { ageInYears: number }): boolean {
  return child.ageInYears >= YOUNG_PERSON_MIN_AGE;
}

/** Whole years between a date of birth and a day, both YYYY-MM-DD; 29 February birthdays fall on 1 March. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

// Made once: making a formatter costs far more than using one (the insights rebuild asked
// for 600,000 dates and spent 16 s making formatters).
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today's date in Europe/London, YYYY-MM-DD. */
export function londonToday(now = new Date()): string {
  return londonDate.format(now);
}

/** What is wrong with a date of birth given on `today` (both YYYY-MM-DD), if anything. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!match) return 'Enter a date of birth, like 2015-03-27';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return 'Date of birth must be a real date';
  }
  if (dateOfBirth > today) return 'Date of birth must be in the past';
  if (ageOn(dateOfBirth, today) > MAX_AGE_YEARS) {
    return `Harbour is for children and young people up to ${MAX_AGE_YEARS}: check the date of birth`;
  }
  return null;
}

export type AgeBand = '0-4' | '5-10' | '11-15' | '16-17' | '18-25';

export function ageBand(age: number): AgeBand {
  if (age <= 4) return '0-4';
  if (age <= 10) return '5-10';
  if (age <= 15) return '11-15';
  if (age <= 17) return '16-17';
  return '18-25';
}
