import type { RuleSetContent, Tier } from './eligibilityApi';

// Each edit page changes one part of a draft; these make that change to the whole of it.

/**
 * Puts `tier` at `index` (or after the last tier when index is null). A new code is followed
 * everywhere the old one was used, so renaming a tier does not leave rules pointing at nothing.
 */
export function withTier(
  content: RuleSetContent,
  index: number | null,
  tier: Tier,
): RuleSetContent {
  if (index === null) return { ...content, tiers: [...content.tiers, tier] };
  const oldCode = content.tiers[index]?.code;
  const replaced = { ...content, tiers: content.tiers.map((old, i) => (i === index ? tier : old)) };
  // The tier's own rules may name it too (Specialist support needs an assessment at SPECIALIST).
  return oldCode && oldCode !== tier.code
    ? withTierCodeChanged(replaced, oldCode, tier.code)
    : replaced;
}

function withTierCodeChanged(content: RuleSetContent, from: string, to: string): RuleSetContent {
  const rename = (code: string) => (code === from ? to : code);
  return {
    ...content,
    tiers: content.tiers.map((tier) => ({
      ...tier,
      criteria: tier.criteria.map((criterion) =>
        criterion.field === 'assessedTier'
          ? { ...criterion, values: criterion.values?.map(rename) ?? null }
          : criterion,
      ),
    })),
    services: {
      ...content.services,
      tierRequirements: content.services.tierRequirements.map((requirement) => ({
        ...requirement,
        tier: rename(requirement.tier),
      })),
    },
  };
}

/** Takes a tier out; rules that name it stay, for the draft's problems to point out. */
export function withoutTier(content: RuleSetContent, index: number): RuleSetContent {
  return { ...content, tiers: content.tiers.filter((_, i) => i !== index) };
}

/** Swaps a tier with its neighbour, up (-1) or down (+1). */
export function withTierMoved(content: RuleSetContent, index: number, by: -1 | 1): RuleSetContent {
  const other = index + by;
  const tier = content.tiers[index];
  const neighbour = content.tiers[other];
  if (!tier || !neighbour) return content;
  const tiers = [...content.tiers];
  tiers[index] = neighbour;
  tiers[other] = tier;
  return { ...content, tiers };
}

/** Where a tier's code is used by other rules: tiers' assessment rules and kinds of break. */
export function usesOfTier(content: RuleSetContent, index: number): string[] {
  const code = content.tiers[index]?.code;
  if (!code) return [];
  const tiers = content.tiers
    .filter((tier, i) => i !== index)
    .filter((tier) =>
      tier.criteria.some(
        (criterion) => criterion.field === 'assessedTier' && criterion.values?.includes(code),
      ),
    )
    .map((tier) => `${tier.name}: its social care assessment tier rule`);
  const services = content.services.tierRequirements.some(
    (requirement) => requirement.tier === code,
  )
    ? ['The service rules: the kinds of break that need it']
    : [];
  return [...tiers, ...services];
}
