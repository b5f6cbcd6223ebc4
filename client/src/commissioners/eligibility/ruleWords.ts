import {
  BUDGET_HOLDERS,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  NEEDS,
  needLabel,
  SERVICE_CHECK_LABELS,
  SERVICE_TYPES,
  type ServiceCheck,
} from '@harbour/shared';
import type { Criterion, RuleSetContent, RuleSetProblem, Tier } from './eligibilityApi';

/** The kinds of rule a tier can have, in the order the tier form asks about them. */
export const CRITERION_KINDS = [
  'age',
  'needs',
  'diagnosis',
  'ehcPlan',
  'assessedTier',
  'district',
  'budgetHolder',
] as const;

export type CriterionKind = (typeof CRITERION_KINDS)[number];

export function isCriterionKind(field: string): field is CriterionKind {
  return (CRITERION_KINDS as readonly string[]).includes(field);
}

export const criterionKindLabels: Record<CriterionKind, string> = {
  age: 'Age',
  needs: 'Needs',
  diagnosis: 'Diagnosis',
  ehcPlan: 'EHC plan',
  assessedTier: 'Social care assessment tier',
  district: 'District',
  budgetHolder: 'Budget holder',
};

/** "Age" → "age rule", but "EHC plan" keeps its capitals. */
export function ruleName(field: string): string {
  const label = isCriterionKind(field) ? criterionKindLabels[field] : field;
  const inSentence = /^[A-Z][a-z]/.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
  return `${inSentence} rule`;
}

function either(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A tier's name, or its code when the rule set has no tier with that code. */
export function tierNameOf(tiers: readonly Tier[], code: string): string {
  return tiers.find((tier) => tier.code === code)?.name ?? code;
}

/** The labels of a rule's values, for every kind of rule that has a list. */
function valueLabel(field: string, code: string, tiers: readonly Tier[]): string {
  switch (field) {
    case 'needs':
      return needLabel(code);
    case 'diagnosis':
      return DIAGNOSIS_STATUSES.label(code);
    case 'ehcPlan':
      return EHC_PLAN_STATUSES.label(code);
    case 'budgetHolder':
      return BUDGET_HOLDERS.label(code);
    case 'assessedTier':
      return tierNameOf(tiers, code);
    default:
      return code;
  }
}

const listLeads: Record<string, string> = {
  needs: 'Has any of these needs',
  diagnosis: 'Diagnosis',
  ehcPlan: 'EHC plan',
  assessedTier: 'A social care assessment placed them at',
  district: 'Lives in',
  budgetHolder: 'Personal budget',
};

/** A rule as a commissioner reads it: "Aged 0 to 17", "Lives in Exeter or Mid Devon". */
export function describeCriterion(criterion: Criterion, tiers: readonly Tier[]): string {
  if (criterion.field === 'age') {
    return `Aged ${criterion.min ?? '?'} to ${criterion.max ?? '?'}`;
  }
  const values = criterion.values ?? [];
  if (criterion.field === 'needs' && NEEDS.every((need) => values.includes(need.code))) {
    return 'Has any special educational need or disability';
  }
  const lead = listLeads[criterion.field] ?? `${criterion.field} is`;
  if (values.length === 0) return `${lead}: nothing chosen, so no child can meet this rule`;
  const labels = values.map((code) => valueLabel(criterion.field, code, tiers));
  return criterion.field === 'needs'
    ? `${lead}: ${labels.join(', ')}`
    : `${lead}: ${either(labels)}`;
}

export function describeTierRequirement(tierCode: string | null, tiers: readonly Tier[]): string {
  if (!tierCode) return 'Open to all';
  const tier = tiers.find((candidate) => candidate.code === tierCode);
  return tier
    ? `Children eligible for ${tier.name}`
    : `Children eligible for ${tierCode}, which is not a tier of these rules`;
}

export function serviceCheckLabel(check: string): string {
  return SERVICE_CHECK_LABELS[check as ServiceCheck] ?? check;
}

/** The tier each kind of break needs, or null when it is open to all. */
export function requiredTierOf(ruleSet: RuleSetContent, serviceType: string): string | null {
  return (
    ruleSet.services.tierRequirements.find((requirement) =>
      requirement.serviceTypes.includes(serviceType),
    )?.tier ?? null
  );
}

export function problemCount(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}

/** "Universal+ (tier 2)": how a problem names the tier it is in. */
export function tierTitle(tiers: readonly Tier[], index: number): string {
  const name = tiers[index]?.name.trim();
  return `${name || 'A tier with no name'} (tier ${index + 1})`;
}

const tierPartNames: Record<string, string> = {
  code: 'code',
  name: 'name',
  summary: 'what it offers',
  howToGetIt: 'how to get it',
  criteria: 'rules',
};

/** Where a problem is, for a link from a list of problems: a tier, the service rules or the name. */
export type ProblemPlace =
  | { kind: 'tier'; index: number }
  | { kind: 'services' }
  | { kind: 'name' }
  | { kind: 'tiers' }
  | { kind: 'none' };

type ProblemInWords = { text: string; place: ProblemPlace };

/**
 * A problem that would stop a rule set publishing, with its path put into words:
 * ["tiers", "1", "criteria", "0", "max"] becomes "Universal+ (tier 2), age rule: …".
 */
export function problemInWords(problem: RuleSetProblem, ruleSet: RuleSetContent): ProblemInWords {
  const [root, second, part, criterionIndex] = problem.path;
  if (root === 'tiers' && second !== undefined && /^\d+$/.test(second)) {
    const index = Number(second);
    const tier = ruleSet.tiers[index];
    const criterion =
      part === 'criteria' && criterionIndex !== undefined
        ? tier?.criteria[Number(criterionIndex)]
        : undefined;
    const where = criterion
      ? ruleName(criterion.field)
      : part
        ? (tierPartNames[part] ?? part)
        : null;
    return {
      text: `${tierTitle(ruleSet.tiers, index)}${where ? `, ${where}` : ''}: ${problem.message}`,
      place: { kind: 'tier', index },
    };
  }
  if (root === 'services') {
    const serviceType = servicesProblemType(problem, ruleSet);
    return {
      text: `Service rules${serviceType ? `, ${SERVICE_TYPES.label(serviceType)}` : ''}: ${problem.message}`,
      place: { kind: 'services' },
    };
  }
  if (root === 'name') return { text: `Name: ${problem.message}`, place: { kind: 'name' } };
  return { text: problem.message, place: { kind: root === 'tiers' ? 'tiers' : 'none' } };
}

/** The kind of break a service-rules problem is about, when it is about one. */
function servicesProblemType(problem: RuleSetProblem, ruleSet: RuleSetContent): string | null {
  const [, list, requirementIndex, part, typeIndex] = problem.path;
  if (list !== 'tierRequirements' || part !== 'serviceTypes' || typeIndex === undefined) {
    return null;
  }
  const requirement = ruleSet.services.tierRequirements[Number(requirementIndex)];
  return requirement?.serviceTypes[Number(typeIndex)] ?? null;
}

/** The problems of a publish refusal, whose paths start with "rules". */
export function problemsFromUserErrors(
  userErrors: readonly { field: readonly string[] | null; message: string }[],
): RuleSetProblem[] {
  return userErrors.map(({ field, message }) => ({
    path: field?.[0] === 'rules' ? field.slice(1) : [],
    message,
  }));
}
