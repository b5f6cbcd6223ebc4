import {
  decideChild,
  SERVICE_TYPES,
  type EligibilityFacts,
  type Outcome,
  type RuleSet,
} from '@harbour/shared';

/** A criterion as GraphQL carries it: one flat shape for every field. */
export interface FlatCriterion {
  field: string;
  min?: number | null;
  max?: number | null;
  values?: string[] | null;
  ifNotMet?: string | null;
}

const LIST_KEY: Record<string, 'anyOf' | 'oneOf'> = {
  needs: 'anyOf',
  diagnosis: 'oneOf',
  ehcPlan: 'oneOf',
  assessedTier: 'oneOf',
  district: 'oneOf',
  budgetHolder: 'oneOf',
};

/** GraphQL's flat criterion in the rule set's own shape (validated later, by ruleSetProblems). */
export function criterionFromFlat(flat: FlatCriterion): Record<string, unknown> {
  const criterion: Record<string, unknown> = { field: flat.field };
  if (flat.field === 'age') {
    criterion.min = flat.min ?? undefined;
    criterion.max = flat.max ?? undefined;
  } else {
    const key = LIST_KEY[flat.field];
    if (key) criterion[key] = flat.values ?? [];
    // An unknown field keeps what it was given, for the schema to refuse with its path.
    else Object.assign(criterion, { min: flat.min, max: flat.max, values: flat.values });
  }
  if (flat.ifNotMet?.trim()) criterion.ifNotMet = flat.ifNotMet.trim();
  return criterion;
}

export function criterionToFlat(criterion: Record<string, unknown>): FlatCriterion {
  const values = (criterion.anyOf ?? criterion.oneOf ?? criterion.values ?? null) as
    string[] | null;
  return {
    field: String(criterion.field),
    min: typeof criterion.min === 'number' ? criterion.min : null,
    max: typeof criterion.max === 'number' ? criterion.max : null,
    values,
    ifNotMet: typeof criterion.ifNotMet === 'string' ? criterion.ifNotMet : null,
  };
}

export interface TierCounts {
  tier: string;
  eligible: number;
  needsAssessment: number;
  notEligible: number;
}

export function emptyCounts(tier: string): TierCounts {
  return { tier, eligible: 0, needsAssessment: 0, notEligible: 0 };
}

export function addOutcome(counts: TierCounts, outcome: string): void {
  if (outcome === 'ELIGIBLE') counts.eligible += 1;
  else if (outcome === 'NEEDS_ASSESSMENT') counts.needsAssessment += 1;
  else counts.notEligible += 1;
}

export interface RulePreview {
  childrenCompared: number;
  childrenChanging: number;
  tiers: { tier: string; name: string; before: TierCounts | null; after: TierCounts }[];
  serviceTypeChanges: { serviceType: string; change: string }[];
  /** Whether a listing of this type could change outcome for some child. */
  serviceTypeAffected: (type: string) => boolean;
}

function requirementOf(ruleSet: RuleSet | null, type: string): string | null {
  const requirement = ruleSet?.services.tierRequirements.find((r) =>
    (r.serviceTypes as readonly string[]).includes(type),
  );
  return requirement?.tier ?? null;
}

/**
 * What publishing `after` in place of `before` changes: every child's outcome at every tier
 * (matched by tier code), the kinds of break whose tier changes, and so which services could
 * decide differently for somebody.
 */
export function previewChanges(
  before: RuleSet | null,
  after: RuleSet,
  children: Iterable<EligibilityFacts>,
  today: string,
): RulePreview {
  const beforeCounts = new Map(before?.tiers.map((t) => [t.code, emptyCounts(t.code)]) ?? []);
  const afterCounts = new Map(after.tiers.map((t) => [t.code, emptyCounts(t.code)]));
  const changedTiers = new Set<string>();
  let childrenCompared = 0;
  let childrenChanging = 0;
  for (const child of children) {
    childrenCompared += 1;
    const old = new Map<string, Outcome>(
      before ? decideChild(before, child, today).tiers.map((t) => [t.code, t.outcome]) : [],
    );
    const now = decideChild(after, child, today).tiers;
    for (const [code, outcome] of old) {
      const counts = beforeCounts.get(code);
      if (counts) addOutcome(counts, outcome);
    }
    // A tier the child had an outcome at that no longer exists is a change too.
    let changing = [...old.keys()].some((code) => !now.some((tier) => tier.code === code));
    for (const tier of now) {
      const counts = afterCounts.get(tier.code);
      if (counts) addOutcome(counts, tier.outcome);
      if (old.get(tier.code) !== tier.outcome) {
        changing = true;
        changedTiers.add(tier.code);
      }
    }
    if (changing) childrenChanging += 1;
  }

  const tierName = (ruleSet: RuleSet | null, code: string | null) =>
    code ? (ruleSet?.tiers.find((t) => t.code === code)?.name ?? code) : null;
  const serviceTypeChanges = SERVICE_TYPES.codes.flatMap((type) => {
    const was = requirementOf(before, type);
    const is = requirementOf(after, type);
    if (was === is) return [];
    const wasName = tierName(before, was);
    const isName = tierName(after, is);
    const change = is
      ? `Now for children eligible for ${isName}${wasName ? ` (was ${wasName})` : ' (was open to all)'}`
      : `Now open to all (was for children eligible for ${wasName})`;
    return [{ serviceType: type, change }];
  });

  const checksChanged =
    before === null ||
    JSON.stringify([...before.services.checks].sort()) !==
      JSON.stringify([...after.services.checks].sort());
  const changedTypes = new Set<string>(serviceTypeChanges.map((c) => c.serviceType));
  const serviceTypeAffected = (type: string) => {
    if (checksChanged || changedTypes.has(type)) return true;
    const required = requirementOf(after, type);
    if (!required) return false;
    const from = after.tiers.findIndex((t) => t.code === required);
    return after.tiers.slice(from).some((t) => changedTiers.has(t.code));
  };

  return {
    childrenCompared,
    childrenChanging,
    tiers: after.tiers.map((tier) => ({
      tier: tier.code,
      name: tier.name,
      before: beforeCounts.get(tier.code) ?? null,
      after: afterCounts.get(tier.code) ?? emptyCounts(tier.code),
    })),
    serviceTypeChanges,
    serviceTypeAffected,
  };
}

/** A rule set as the draft-saving mutation takes it. */
export function draftInputOf(ruleSet: RuleSet) {
  return {
    name: ruleSet.name,
    tiers: ruleSet.tiers.map((tier) => ({
      ...tier,
      criteria: tier.criteria.map((criterion) =>
        criterionToFlat(criterion as unknown as Record<string, unknown>),
      ),
    })),
    services: {
      checks: [...ruleSet.services.checks],
      tierRequirements: ruleSet.services.tierRequirements.map((r) => ({
        serviceTypes: [...r.serviceTypes],
        tier: r.tier,
      })),
    },
  };
}

/**
 * Counts from 1 to 4 could point at a child, and exact counts could be subtracted from one
 * another (a tier's three outcomes add up to the children compared) to recover one that was
 * hidden: a preview shows 1 to 4 as "fewer than 5" (null) and every other count rounded to
 * the nearest 5.
 */
export const SMALLEST_COUNT_SHOWN = 5;

export function disclosable(count: number): number | null {
  if (count === 0) return 0;
  if (count < SMALLEST_COUNT_SHOWN) return null;
  return Math.round(count / SMALLEST_COUNT_SHOWN) * SMALLEST_COUNT_SHOWN;
}

export function disclosableCounts(counts: TierCounts) {
  return {
    tier: counts.tier,
    eligible: disclosable(counts.eligible),
    needsAssessment: disclosable(counts.needsAssessment),
    notEligible: disclosable(counts.notEligible),
  };
}
