import { MAX_AGE_YEARS } from '@harbour/shared';
import { ageOn } from '../accounts/accounts.rules';

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
