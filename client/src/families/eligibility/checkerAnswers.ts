import { dateOfBirthProblem, homePostcodeSchema } from '@harbour/shared';
import type { DatePart, DateParts } from '../../govuk/DateInput';
import { checkDateOfBirth } from '../family/childForm';
import type { EligibilityCheckInput } from './eligibilityApi';

/** The checker's questions, one a page, in the order they are asked. */
export const QUESTIONS = [
  'date-of-birth',
  'where-you-live',
  'needs',
  'diagnosis',
  'ehc-plan',
  'social-care-assessment',
  'support',
  'support-details',
  'budget',
] as const;

export type Question = (typeof QUESTIONS)[number];

export const START_PATH = '/families/check';
export const CHECK_ANSWERS_PATH = '/families/check/check-answers';
export const RESULT_PATH = '/families/check/result';

/** A question's page; `isChange` when it was opened from "Check your answers". */
export function questionPath(question: Question, { isChange = false } = {}): string {
  return `${START_PATH}/${question}${isChange ? '?change=true' : ''}`;
}

/** The answers so far. Null means the question has not been answered yet. */
export type CheckerAnswers = {
  /** YYYY-MM-DD. */
  dateOfBirth: string | null;
  /** "" when the family chose not to give it. */
  homePostcode: string | null;
  needs: string[] | null;
  diagnosis: string | null;
  ehcPlan: string | null;
  socialCareAssessment: string | null;
  /** The tier a social care assessment placed the child at, when they were assessed. */
  assessedTier: { code: string; name: string } | null;
  supportNeeded: string | null;
  /** What staff should be able to help with; every list may be empty. */
  supportDetails: { communication: string[]; mobility: string[]; health: string[] } | null;
  budgetHolder: string | null;
};

export const NO_ANSWERS: CheckerAnswers = {
  dateOfBirth: null,
  homePostcode: null,
  needs: null,
  diagnosis: null,
  ehcPlan: null,
  socialCareAssessment: null,
  assessedTier: null,
  supportNeeded: null,
  supportDetails: null,
  budgetHolder: null,
};

const isAnswered: Record<Question, (answers: CheckerAnswers) => boolean> = {
  'date-of-birth': (answers) => answers.dateOfBirth !== null,
  'where-you-live': (answers) => answers.homePostcode !== null,
  needs: (answers) => answers.needs !== null,
  diagnosis: (answers) => answers.diagnosis !== null,
  'ehc-plan': (answers) => answers.ehcPlan !== null,
  'social-care-assessment': (answers) => answers.socialCareAssessment !== null,
  support: (answers) => answers.supportNeeded !== null,
  'support-details': (answers) => answers.supportDetails !== null,
  budget: (answers) => answers.budgetHolder !== null,
};

/** The first question still to answer, or null when every one has been. */
export function firstUnanswered(answers: CheckerAnswers): Question | null {
  return QUESTIONS.find((question) => !isAnswered[question](answers)) ?? null;
}

/** The API's input, once every question has been answered. */
export function checkInputFrom(answers: CheckerAnswers): EligibilityCheckInput | null {
  const {
    dateOfBirth,
    homePostcode,
    needs,
    diagnosis,
    ehcPlan,
    socialCareAssessment,
    assessedTier,
    supportNeeded,
    supportDetails,
    budgetHolder,
  } = answers;
  if (
    dateOfBirth === null ||
    homePostcode === null ||
    needs === null ||
    diagnosis === null ||
    ehcPlan === null ||
    socialCareAssessment === null ||
    supportNeeded === null ||
    supportDetails === null ||
    budgetHolder === null
  ) {
    return null;
  }
  return {
    dateOfBirth,
    homePostcode: homePostcode || null,
    needs,
    diagnosis,
    ehcPlan,
    socialCareAssessment,
    assessedTier: socialCareAssessment === 'ASSESSED' ? (assessedTier?.code ?? null) : null,
    supportNeeded,
    ...supportDetails,
    budgetHolder,
  };
}

const allParts: readonly DatePart[] = ['day', 'month', 'year'];

// The family pages' check of what was typed (missing parts, letters, a 2-digit year) is
// reused, told that any real date will do: whether the date is in the past and not too
// long ago is the shared rule the API applies, so the form and the API use the same words.
const ANY_REAL_DATE = '9999-12-31';

/** A date of birth typed as day, month and year, as YYYY-MM-DD, or what is wrong with it. */
export function parseDateOfBirth(
  typed: DateParts,
  today: string,
): { value: string } | { error: string; parts: readonly DatePart[] } {
  const date = checkDateOfBirth(typed, ANY_REAL_DATE);
  if ('error' in date) return date;
  const problem = dateOfBirthProblem(date.value, today);
  return problem ? { error: problem, parts: allParts } : date;
}

/** A YYYY-MM-DD date as the day, month and year a person would have typed. */
export function datePartsOf(isoDate: string | null): DateParts {
  if (!isoDate) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** A home postcode (or its first half), "" when left empty, or what is wrong with it. */
export function parseHomePostcode(typed: string): { value: string } | { error: string } {
  const parsed = homePostcodeSchema.safeParse(typed.trim());
  if (parsed.success) return { value: parsed.data };
  return { error: parsed.error.issues[0]?.message ?? 'Enter a real postcode' };
}
