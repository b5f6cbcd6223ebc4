import type { RuleSetContent, Tier } from './eligibilityApi';

// Each edit page changes one part of a draft; these make that change to the whole of it, as it is
// now. A colleague may have moved, renamed or removed tiers since the page showed them, so a tier
// is found by what the page showed, not only by its place: a change that would land on another
// tier gives null instead, for the page to say the draft has changed.

/** A tier as a page showed it: its place in the draft then, its code and its name. */
export type ShownTier = { index: number; code: string; name: string };

export function shownTier(tier: Tier, index: number): ShownTier {
  return { index, code: tier.code, name: tier.name };
}

export function isSameTier(tier: Tier | undefined, shown: ShownTier): boolean {
  return tier?.code === shown.code && tier.name === shown.name;
}

/**
 * Where the tier a page showed is now: still in its place, or the one tier elsewhere with its
 * code and name. Null when it has gone or changed (or two tiers now look like it).
 */
export function placeOfTier(content: RuleSetContent, shown: ShownTier): number | null {
  if (isSameTier(content.tiers[shown.index], shown)) return shown.index;
  const places = content.tiers.flatMap((tier, index) => (isSameTier(tier, shown) ? [index] : []));
  return places.length === 1 ? (places[0] ?? null) : null;
}

/**
 * Puts `tier` in place of the one shown (or after the last tier when none was, for a new tier).
 * A new code is followed everywhere the old one was used, so renaming a tier does not leave rules
 * pointing at nothing.
 */
export function withTier(
  content: RuleSetContent,
  shown: ShownTier | null,
  tier: Tier,
): RuleSetContent | null {
  if (shown === null) return { ...content, tiers: [...content.tiers, tier] };
  const index = placeOfTier(content, shown);
  if (index === null) return null;
  const replaced = { ...content, tiers: content.tiers.map((old, i) => (i === index ? tier : old)) };
  // The tier's own rules may name it too (Specialist support needs an assessment at SPECIALIST).
  return shown.code && shown.code !== tier.code
    ? withTierCodeChanged(replaced, shown.code, tier.code)
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
export function withoutTier(content: RuleSetContent, shown: ShownTier): RuleSetContent | null {
  const index = placeOfTier(content, shown);
  if (index === null) return null;
  return { ...content, tiers: content.tiers.filter((_, i) => i !== index) };
}

/** Swaps a tier with its neighbour, up (-1) or down (+1); null when it has none that way now. */
export function withTierMoved(
  content: RuleSetContent,
  shown: ShownTier,
  by: -1 | 1,
): RuleSetContent | null {
  const index = placeOfTier(content, shown);
  if (index === null) return null;
  const tier = content.tiers[index];
  const neighbour = content.tiers[index + by];
  if (!tier || !neighbour) return null;
  const tiers = [...content.tiers];
  tiers[index] = neighbour;
  tiers[index + by] = tier;
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
