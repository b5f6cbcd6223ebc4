import { criterionSchema, MAX_AGE_YEARS, tierSchema } from '@harbour/shared';
import type { FormError } from '../../api/userErrors';
import type { Criterion, RuleSetProblem, Tier } from './eligibilityApi';
import { CRITERION_KINDS, isCriterionKind, type CriterionKind } from './ruleWords';

/** The kinds of rule that are a list of values to choose from: all but age. */
export type ListKind = Exclude<CriterionKind, 'age'>;

export type TierAnswers = {
  code: string;
  name: string;
  summary: string;
  howToGetIt: string;
  /** The kinds of rule that apply, each asked about in its own section. */
  rules: CriterionKind[];
  ageFrom: string;
  ageTo: string;
  values: Record<ListKind, string[]>;
  advice: Record<CriterionKind, string>;
};

/** Each question's id, which its errors are filed under and error summaries link to. */
export type TierField =
  | 'code'
  | 'name'
  | 'summary'
  | 'howToGetIt'
  | 'rules'
  | 'age-from'
  | 'age-to'
  | `${ListKind}-values`
  | `${CriterionKind}-advice`;

const byKind = <T>(make: (kind: CriterionKind) => T) =>
  Object.fromEntries(CRITERION_KINDS.map((kind) => [kind, make(kind)])) as Record<CriterionKind, T>;

/** A tier's first rule of each kind: a second of a kind is a problem the form resolves. */
function firstOfEachKind(tier: Tier | null): Partial<Record<CriterionKind, Criterion>> {
  const found: Partial<Record<CriterionKind, Criterion>> = {};
  for (const criterion of tier?.criteria ?? []) {
    if (isCriterionKind(criterion.field) && !found[criterion.field]) {
      found[criterion.field] = criterion;
    }
  }
  return found;
}

export function tierAnswers(tier: Tier | null): TierAnswers {
  const criteria = firstOfEachKind(tier);
  const age = criteria.age;
  return {
    code: tier?.code ?? '',
    name: tier?.name ?? '',
    summary: tier?.summary ?? '',
    howToGetIt: tier?.howToGetIt ?? '',
    rules: CRITERION_KINDS.filter((kind) => criteria[kind]),
    ageFrom: age?.min?.toString() ?? '',
    ageTo: age?.max?.toString() ?? '',
    values: byKind((kind) => criteria[kind]?.values ?? []) as Record<ListKind, string[]>,
    advice: byKind((kind) => criteria[kind]?.ifNotMet ?? ''),
  };
}

function parseAge(answer: string, which: 'youngest' | 'oldest'): number | string {
  const text = answer.trim();
  if (text === '') return `Enter the ${which} age`;
  if (!/^\d+$/.test(text)) return `Enter the ${which} age as a whole number of years, like 5`;
  const years = Number(text);
  if (years > MAX_AGE_YEARS) return `Enter a ${which} age from 0 to ${MAX_AGE_YEARS}`;
  return years;
}

/** The answer to one kind of rule, in the rule set's own shape (for its schema) and the API's. */
function criterionOf(
  kind: CriterionKind,
  answers: TierAnswers,
  ages: { min: number; max: number },
): { shaped: Record<string, unknown>; flat: Criterion } {
  const advice = answers.advice[kind].trim();
  const ifNotMet = advice === '' ? undefined : advice;
  if (kind === 'age') {
    return {
      shaped: { field: kind, ...ages, ifNotMet },
      flat: { field: kind, ...ages, values: null, ifNotMet: ifNotMet ?? null },
    };
  }
  const values = answers.values[kind];
  return {
    shaped: { field: kind, [kind === 'needs' ? 'anyOf' : 'oneOf']: values, ifNotMet },
    flat: { field: kind, min: null, max: null, values, ifNotMet: ifNotMet ?? null },
  };
}

/** Which question a problem about a tier's part (["criteria", "0", "max"]) belongs to. */
function fieldOfTierPath(path: readonly string[], tier: Tier | null): TierField {
  const [part, index, detail] = path;
  if (part === 'code' || part === 'name' || part === 'summary' || part === 'howToGetIt') {
    return part;
  }
  const kind = part === 'criteria' ? tier?.criteria[Number(index)]?.field : undefined;
  if (!kind || !isCriterionKind(kind)) return 'rules';
  if (detail === 'ifNotMet') return `${kind}-advice`;
  if (kind === 'age') return detail === 'min' ? 'age-from' : detail === 'max' ? 'age-to' : 'rules';
  return detail === 'anyOf' || detail === 'oneOf' ? `${kind}-values` : 'rules';
}

/** A saved draft's problems with one tier, against the tier form's questions. */
export function tierProblems(
  problems: readonly RuleSetProblem[],
  index: number,
  tier: Tier,
): FormError<TierField>[] {
  return problems
    .filter(({ path }) => path[0] === 'tiers' && path[1] === String(index))
    .map(({ path, message }) => ({ field: fieldOfTierPath(path.slice(2), tier), message }));
}

/**
 * The tier to save, or what is wrong with the answers. Each part is checked with the rule set's
 * own schema, so the form and the API use the same words. What depends on more than one answer
 * (an age range upside down, a tier named that does not exist) is saved all the same: the draft
 * lists it as a problem, and publishing refuses it.
 */
export function parseTier(
  answers: TierAnswers,
  original: Tier | null,
): { tier: Tier } | { errors: FormError<TierField>[] } {
  const errors: FormError<TierField>[] = [];
  const fields = {
    code: answers.code.trim().toUpperCase(),
    name: answers.name.trim(),
    summary: answers.summary.trim(),
    howToGetIt: answers.howToGetIt.trim(),
  };
  const parsedFields = tierSchema.omit({ criteria: true }).safeParse(fields);
  if (!parsedFields.success) {
    for (const issue of parsedFields.error.issues) {
      errors.push({ field: fieldOfTierPath(issue.path.map(String), null), message: issue.message });
    }
  }

  let ages = { min: 0, max: 0 };
  if (answers.rules.includes('age')) {
    const min = parseAge(answers.ageFrom, 'youngest');
    const max = parseAge(answers.ageTo, 'oldest');
    if (typeof min === 'string') errors.push({ field: 'age-from', message: min });
    if (typeof max === 'string') errors.push({ field: 'age-to', message: max });
    if (typeof min === 'number' && typeof max === 'number') ages = { min, max };
  }

  const chosen = new Map<string, Criterion>();
  for (const kind of answers.rules) {
    const { shaped, flat } = criterionOf(kind, answers, ages);
    const parsed = criterionSchema.safeParse(shaped);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfTierPath(['criteria', '0', String(issue.path[0])], {
          ...fields,
          criteria: [flat],
        });
        // An age already reported as missing or not a number is not reported again.
        if (!errors.some((error) => error.field === field)) {
          errors.push({ field, message: issue.message });
        }
      }
    }
    chosen.set(kind, flat);
  }
  if (errors.length > 0) return { errors };

  // Rules keep their places, so families read the reasons in the same order as before; rules of
  // a kind the form does not know are kept as they are.
  const kept = (original?.criteria ?? []).flatMap((criterion) => {
    if (!isCriterionKind(criterion.field)) return [criterion];
    const answer = chosen.get(criterion.field);
    chosen.delete(criterion.field);
    return answer ? [answer] : [];
  });
  return { tier: { ...fields, criteria: [...kept, ...chosen.values()] } };
}
