import { parsePounds } from '@harbour/shared';
import type { FormError } from '../../api/userErrors';
import type { CostUnit, ProviderService, ServiceInput } from './consoleApi';
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

/** A question on the form: one of the service's fields, or one part of one of its costs. */
export type ServiceField = (typeof serviceFields)[number] | `cost-${number}-${CostPart}`;

export function costFieldId(index: number, part: CostPart): ServiceField {
  return `cost-${index}-${part}`;
}

type ListField = 'locationIds' | 'needs' | 'accessibilitySupport' | 'ratios' | 'skills';
type ListAnswers = Record<ListField | 'funding' | 'days', string[]>;

export type CostAnswer = {
  /** Keeps each row's fields in place when an earlier row is removed. */
  key: number;
  label: string;
  amount: string;
  unit: CostUnit;
};

export type ServiceAnswers = ListAnswers & {
  name: string;
  description: string;
  type: string | null;
  minAge: string;
  maxAge: string;
  costs: CostAnswer[];
  startTime: string;
  endTime: string;
  scheduleSummary: string;
  status: 'ACTIVE' | 'WITHDRAWN';
};

export function blankCost(key: number): CostAnswer {
  return { key, label: '', amount: '', unit: 'SESSION' };
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
    startTime: service.startTime ?? '',
    endTime: service.endTime ?? '',
    scheduleSummary: service.scheduleSummary ?? '',
  };
}

/**
 * Checks what the form must turn into numbers and codes before the API can read it (the ages,
 * the type, each cost in pence); the API checks everything else, in the same words as any other
 * client gets. A cost left entirely blank is not a cost.
 */
export function parseService(
  answers: ServiceAnswers,
  ids: { organisationId: string; serviceId: string | null },
): { input: ServiceInput; costRows: number[] } | { errors: FormError<ServiceField>[] } {
  const errors: FormError<ServiceField>[] = [];
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
  if (errors.length > 0 || !answers.type || minAge === null || maxAge === null) return { errors };

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
