import type { FormError } from '../../api/userErrors';
import type { DatePart, DateParts } from '../../govuk/DateInput';
import type { Regulator, RegistrationChangeInput } from './consoleApi';
import { allDateParts, checkDateAnswer, type CheckedDate } from '../../govuk/dateAnswer';

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

/** An optional date of inspection: a real date, today or before. */
export function checkInspectionDate(answer: DateParts, today: string): CheckedDate {
  const checked = checkDateAnswer(answer, 'Date of the last inspection');
  if ('error' in checked || checked.value === null || checked.value <= today) return checked;
  return { error: 'Date of the last inspection must be today or in the past', parts: allDateParts };
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
    return { errors, dateParts: 'parts' in inspectedOn ? inspectedOn.parts : allDateParts };
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
