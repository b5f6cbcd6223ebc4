import { textSchema } from '@harbour/shared';
import type { FormError } from '../../api/userErrors';
import { allDateParts, checkDateAnswer } from '../../govuk/dateAnswer';
import type { DatePart, DateParts } from '../../govuk/DateInput';

export const childFields = ['firstName', 'lastName', 'dateOfBirth'] as const;
export type ChildField = (typeof childFields)[number];
export type ChildAnswers = { firstName: string; lastName: string; dateOfBirth: DateParts };
export type ChildInput = { firstName: string; lastName: string; dateOfBirth: string };

const firstNameSchema = textSchema('Their first name', { min: 1, max: 100 });
const lastNameSchema = textSchema('Their last name', { min: 1, max: 100 });

type Checked = { value: string } | { error: string; parts: readonly DatePart[] };

/**
 * A date of birth typed as day, month and year, checked in the order and words of the GOV.UK
 * date input pattern. `today` is YYYY-MM-DD in the UK; the date must not be after it.
 */
export function checkDateOfBirth(answer: DateParts, today: string): Checked {
  const checked = checkDateAnswer(answer, 'Date of birth');
  if ('error' in checked) return checked;
  if (checked.value === null) return { error: 'Enter their date of birth', parts: allDateParts };
  if (checked.value > today) {
    return { error: 'Date of birth must be today or in the past', parts: allDateParts };
  }
  return { value: checked.value };
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
  return { errors, dateParts: 'parts' in dateOfBirth ? dateOfBirth.parts : allDateParts };
}
