import { textSchema } from '@harbour/shared';
import type { FormError } from '../../api/userErrors';
import type { DatePart, DateParts } from '../../govuk/DateInput';

export const childFields = ['firstName', 'lastName', 'dateOfBirth'] as const;
export type ChildField = (typeof childFields)[number];
export type ChildAnswers = { firstName: string; lastName: string; dateOfBirth: DateParts };
export type ChildInput = { firstName: string; lastName: string; dateOfBirth: string };

const firstNameSchema = textSchema('Their first name', { min: 1, max: 100 });
const lastNameSchema = textSchema('Their last name', { min: 1, max: 100 });
const allParts: readonly DatePart[] = ['day', 'month', 'year'];

type Checked = { value: string } | { error: string; parts: readonly DatePart[] };

/**
 * A date of birth typed as day, month and year, checked in the order and words of the GOV.UK
 * date input pattern. `today` is YYYY-MM-DD in the UK; the date must be before it.
 */
export function checkDateOfBirth(answer: DateParts, today: string): Checked {
  const typed = { day: answer.day.trim(), month: answer.month.trim(), year: answer.year.trim() };
  const missing = allParts.filter((part) => typed[part] === '');
  if (missing.length === allParts.length) {
    return { error: 'Enter their date of birth', parts: allParts };
  }
  if (missing.length > 0) {
    return { error: `Date of birth must include a ${missing.join(' and ')}`, parts: missing };
  }
  const notNumbers = allParts.filter((part) => !/^\d+$/.test(typed[part]));
  if (notNumbers.length > 0)
    return { error: 'Date of birth must be a real date', parts: notNumbers };
  if (typed.year.length !== 4) return { error: 'Year must include 4 numbers', parts: ['year'] };

  const [day, month, year] = [Number(typed.day), Number(typed.month), Number(typed.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { error: 'Date of birth must be a real date', parts: allParts };
  }
  const value = date.toISOString().slice(0, 10);
  if (value > today) {
    return { error: 'Date of birth must be today or in the past', parts: allParts };
  }
  return { value };
}

export function parseChild(
  answers: ChildAnswers,
  today: string,
): { input: ChildInput } | { errors: FormError<ChildField>[]; dateParts: readonly DatePart[] } {
  const firstName = firstNameSchema.safeParse(answers.firstName);
  const lastName = lastNameSchema.safeParse(answers.lastName);
  const dateOfBirth = checkDateOfBirth(answers.dateOfBirth, today);
  if (firstName.success && lastName.success && 'value' in dateOfBirth) {
    return {
      input: {
        firstName: firstName.data,
        lastName: lastName.data,
        dateOfBirth: dateOfBirth.value,
      },
    };
  }
  const messages: [ChildField, string | undefined][] = [
    ['firstName', firstName.error?.issues[0]?.message],
    ['lastName', lastName.error?.issues[0]?.message],
    ['dateOfBirth', 'error' in dateOfBirth ? dateOfBirth.error : undefined],
  ];
  const errors = messages.flatMap(([field, message]) => (message ? [{ field, message }] : []));
  return { errors, dateParts: 'parts' in dateOfBirth ? dateOfBirth.parts : allParts };
}
