import type { FormError } from '../../api/userErrors';
import type { DatePart, DateParts } from '../../govuk/DateInput';
import type { Regulator, RegistrationChangeInput } from './consoleApi';

export const registrationFields = [
  'locationId',
  'regulator',
  'identifier',
  'registrationType',
  'status',
  'rating',
  'inspectedOn',
] as const;
export type RegistrationField = (typeof registrationFields)[number];

/** The answer for a registration of the provider itself, rather than of one of its locations. */
export const wholeProvider = 'provider';

export type RegistrationAnswers = {
  /** `wholeProvider` or a location's id; null until chosen. */
  registered: string | null;
  regulator: Regulator | null;
  identifier: string;
  registrationType: string;
  status: string | null;
  rating: string | null;
  inspectedOn: DateParts;
};

const allParts: readonly DatePart[] = ['day', 'month', 'year'];

type CheckedDate = { value: string | null } | { error: string; parts: readonly DatePart[] };

/** An optional date of inspection, checked in the words of the GOV.UK date input pattern. */
export function checkInspectionDate(answer: DateParts, today: string): CheckedDate {
  const typed = { day: answer.day.trim(), month: answer.month.trim(), year: answer.year.trim() };
  const missing = allParts.filter((part) => typed[part] === '');
  if (missing.length === allParts.length) return { value: null };
  if (missing.length > 0) {
    return {
      error: `Date of the last inspection must include a ${missing.join(' and ')}`,
      parts: missing,
    };
  }
  const notNumbers = allParts.filter((part) => !/^\d+$/.test(typed[part]));
  if (notNumbers.length > 0) {
    return { error: 'Date of the last inspection must be a real date', parts: notNumbers };
  }
  if (typed.year.length !== 4) return { error: 'Year must include 4 numbers', parts: ['year'] };
  const [day, month, year] = [Number(typed.day), Number(typed.month), Number(typed.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { error: 'Date of the last inspection must be a real date', parts: allParts };
  }
  const value = date.toISOString().slice(0, 10);
  if (value > today) {
    return { error: 'Date of the last inspection must be today or in the past', parts: allParts };
  }
  return { value };
}

/**
 * The choices the API needs as codes, and the date as YYYY-MM-DD; the API checks the rest (the
 * identifier's form, the registration type) and says what is wrong in the same words.
 */
export function parseRegistration(
  answers: RegistrationAnswers,
  { organisationId, today }: { organisationId: string; today: string },
):
  | { input: RegistrationChangeInput }
  | { errors: FormError<RegistrationField>[]; dateParts: readonly DatePart[] } {
  const errors: FormError<RegistrationField>[] = [];
  if (!answers.registered) {
    errors.push({ field: 'locationId', message: 'Choose who is registered' });
  }
  if (!answers.regulator) {
    errors.push({ field: 'regulator', message: 'Choose Ofsted or the Care Quality Commission' });
  }
  if (!answers.status) {
    errors.push({ field: 'status', message: 'Choose the status of the registration' });
  }
  const inspectedOn = checkInspectionDate(answers.inspectedOn, today);
  if ('error' in inspectedOn) errors.push({ field: 'inspectedOn', message: inspectedOn.error });
  if (
    errors.length > 0 ||
    !answers.registered ||
    !answers.regulator ||
    !answers.status ||
    'error' in inspectedOn
  ) {
    return { errors, dateParts: 'parts' in inspectedOn ? inspectedOn.parts : allParts };
  }
  return {
    input: {
      organisationId,
      locationId: answers.registered === wholeProvider ? null : answers.registered,
      regulator: answers.regulator,
      identifier: answers.identifier,
      registrationType: answers.registrationType,
      status: answers.status,
      rating: answers.rating,
      inspectedOn: inspectedOn.value,
    },
  };
}
