import { parsePounds, SUPPORT_RATIOS } from '@harbour/shared';
import type { FormError } from '../../api/userErrors';
import { datePartId, type DatePart, type DateParts } from '../../govuk/DateInput';
import type { CostUnit, ProviderService, ServiceInput, UpcomingRatio } from './consoleApi';
import { allDateParts, checkDateAnswer, datePartsOf } from '../../govuk/dateAnswer';
import { optionalText } from './inputErrors';

export const serviceFields = [
  'name',
  'description',
  'type',
  'locationIds',
  'minAge',
  'maxAge',
  'needs',
  'accessibilitySupport',
  'ratios',
  'skills',
  'funding',
  'days',
  'startTime',
  'endTime',
  'scheduleSummary',
  'status',
] as const;

export const costParts = ['label', 'amount', 'unit'] as const;
export type CostPart = (typeof costParts)[number];

export const upcomingRatioParts = ['ratio', 'from'] as const;
export type UpcomingRatioPart = (typeof upcomingRatioParts)[number];

/**
 * A question on the form: one of the service's fields, or one part of one of its costs or of the
 * support it will offer from a date.
 */
export type ServiceField =
  | (typeof serviceFields)[number]
  | `cost-${number}-${CostPart}`
  | `upcomingRatio-${number}-${UpcomingRatioPart}`;

export function costFieldId(index: number, part: CostPart): ServiceField {
  return `cost-${index}-${part}`;
}

export function upcomingRatioFieldId(index: number, part: UpcomingRatioPart): ServiceField {
  return `upcomingRatio-${index}-${part}`;
}

/** The API takes at most this many ratios offered from a date. */
export const MAX_UPCOMING_RATIOS = 3;

type ListField = 'locationIds' | 'needs' | 'accessibilitySupport' | 'ratios' | 'skills';
type ListAnswers = Record<ListField | 'funding' | 'days', string[]>;

export type CostAnswer = {
  /** Keeps each row's fields in place when an earlier row is removed. */
  key: number;
  label: string;
  amount: string;
  unit: CostUnit;
};

export type UpcomingRatioAnswer = {
  /** Keeps each row's fields in place when an earlier row is removed. */
  key: number;
  ratio: string;
  /** The first day the ratio is offered. */
  from: DateParts;
};

export type ServiceAnswers = ListAnswers & {
  name: string;
  description: string;
  type: string | null;
  minAge: string;
  maxAge: string;
  costs: CostAnswer[];
  upcomingRatios: UpcomingRatioAnswer[];
  startTime: string;
  endTime: string;
  scheduleSummary: string;
  status: 'ACTIVE' | 'WITHDRAWN';
};

export function blankCost(key: number): CostAnswer {
  return { key, label: '', amount: '', unit: 'SESSION' };
}

export function blankUpcomingRatio(key: number): UpcomingRatioAnswer {
  return { key, ratio: SUPPORT_RATIOS.items[0].code, from: { day: '', month: '', year: '' } };
}

function upcomingRatioAnswers(upcomingRatios: readonly UpcomingRatio[]): UpcomingRatioAnswer[] {
  return upcomingRatios.map(({ ratio, from }, key) => ({ key, ratio, from: datePartsOf(from) }));
}

/** The form's answers for a service, or for a new one. */
export function serviceAnswers(service: ProviderService | null): ServiceAnswers {
  if (!service) {
    return {
      name: '',
      description: '',
      type: null,
      locationIds: [],
      minAge: '',
      maxAge: '',
      needs: [],
      accessibilitySupport: [],
      ratios: [],
      skills: [],
      costs: [blankCost(0)],
      upcomingRatios: [],
      funding: [],
      days: [],
      startTime: '',
      endTime: '',
      scheduleSummary: '',
      status: 'ACTIVE',
    };
  }
  const costs = service.costOptions.map(({ label, amount, unit }, key) => ({
    key,
    label,
    amount: (amount.amountPence / 100).toFixed(2),
    unit,
  }));
  return {
    name: service.name,
    description: service.description ?? '',
    type: service.type,
    locationIds: service.locationIds,
    needs: service.needs,
    accessibilitySupport: service.accessibilitySupport,
    ratios: service.ratios,
    skills: service.skills,
    funding: service.funding,
    days: service.days,
    status: service.status,
    minAge: String(service.minAge),
    maxAge: String(service.maxAge),
    costs: costs.length > 0 ? costs : [blankCost(0)],
    upcomingRatios: upcomingRatioAnswers(service.upcomingRatios),
    startTime: service.startTime ?? '',
    endTime: service.endTime ?? '',
    scheduleSummary: service.scheduleSummary ?? '',
  };
}

/** The parts of each date that are wrong, by the date's question, for the date inputs to mark. */
export type DateErrorParts = Partial<Record<ServiceField, readonly DatePart[]>>;

/** The id an error links to: the first wrong part of a date, or the question's own field. */
export function serviceFieldInputId(field: ServiceField, dateErrorParts: DateErrorParts): string {
  return /^upcomingRatio-\d+-from$/.test(field)
    ? datePartId(field, dateErrorParts[field]?.[0] ?? 'day')
    : field;
}

/**
 * Checks what the form must turn into numbers and codes before the API can read it (the ages,
 * the type, each cost in pence, each date as YYYY-MM-DD); the API checks everything else, in the
 * same words as any other client gets. A cost left entirely blank is not a cost.
 */
export function parseService(
  answers: ServiceAnswers,
  ids: { organisationId: string; serviceId: string | null },
):
  | { input: ServiceInput; costRows: number[] }
  | { errors: FormError<ServiceField>[]; dateErrorParts: DateErrorParts } {
  const errors: FormError<ServiceField>[] = [];
  const dateErrorParts: DateErrorParts = {};
  if (!answers.type) errors.push({ field: 'type', message: 'Choose the type of service' });
  const minAge = wholeYears(answers.minAge);
  if (minAge === null) {
    errors.push({ field: 'minAge', message: 'Enter the youngest age in whole years, like 5' });
  }
  const maxAge = wholeYears(answers.maxAge);
  if (maxAge === null) {
    errors.push({ field: 'maxAge', message: 'Enter the oldest age in whole years, like 17' });
  }
  // The form's row of each cost sent, as the API numbers them in its errors.
  const costRows: number[] = [];
  const costOptions = answers.costs.flatMap((cost, index) => {
    if (cost.label.trim() === '' && cost.amount.trim() === '') return [];
    costRows.push(index);
    const amount = parsePounds(cost.amount);
    if (!amount) {
      errors.push({
        field: costFieldId(index, 'amount'),
        message:
          cost.amount.trim() === ''
            ? `Enter the amount for cost ${index + 1}, like 12.50`
            : `Enter the amount for cost ${index + 1} in pounds and pence, like 12.50`,
      });
      return [];
    }
    return [{ label: cost.label, amountPence: amount.amountPence, unit: cost.unit }];
  });
  const upcomingRatios = answers.upcomingRatios.flatMap(({ ratio, from }, index) => {
    const field = upcomingRatioFieldId(index, 'from');
    const name = `Start date of planned support ${index + 1}`;
    const checked = checkDateAnswer(from, name);
    if ('value' in checked && checked.value !== null) return [{ ratio, from: checked.value }];
    errors.push({
      field,
      message:
        'error' in checked ? checked.error : `Enter the start date of planned support ${index + 1}`,
    });
    dateErrorParts[field] = 'parts' in checked ? checked.parts : allDateParts;
    return [];
  });
  if (errors.length > 0 || !answers.type || minAge === null || maxAge === null) {
    return { errors, dateErrorParts };
  }

  return {
    input: {
      ...ids,
      locationIds: answers.locationIds,
      name: answers.name,
      description: optionalText(answers.description),
      type: answers.type,
      needs: answers.needs,
      minAge,
      maxAge,
      accessibilitySupport: answers.accessibilitySupport,
      ratios: answers.ratios,
      upcomingRatios,
      skills: answers.skills,
      costOptions,
      funding: answers.funding,
      days: answers.days,
      startTime: optionalText(answers.startTime),
      endTime: optionalText(answers.endTime),
      scheduleSummary: optionalText(answers.scheduleSummary),
      status: answers.status,
    },
    costRows,
  };
}

function wholeYears(answer: string): number | null {
  const typed = answer.trim();
  return /^\d{1,2}$/.test(typed) ? Number(typed) : null;
}

/**
 * Where the API's errors about costs go: ["costOptions", "0", "amountPence"] to the amount of
 * the form's row that was sent first. `costRows` is the form's row of each cost sent.
 */
export function costErrorField(
  path: readonly string[],
  costRows: readonly number[],
): ServiceField | null {
  const [name, index, part] = path;
  if (name !== 'costOptions') return null;
  const row = costRows[Number(index)] ?? 0;
  const formPart: CostPart = part === 'amountPence' ? 'amount' : part === 'unit' ? 'unit' : 'label';
  return costFieldId(row, formPart);
}

/**
 * Where the API's errors about the support offered from a date go: ["upcomingRatios", "0",
 * "from"] to the date of the form's first row (every row is sent, in order); an error about the
 * list as a whole to the first row.
 */
export function upcomingRatioErrorField(path: readonly string[]): ServiceField | null {
  const [name, index, part] = path;
  if (name !== 'upcomingRatios') return null;
  const row = Number(index);
  return upcomingRatioFieldId(Number.isInteger(row) ? row : 0, part === 'from' ? 'from' : 'ratio');
}
