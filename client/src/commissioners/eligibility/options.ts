import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import type { Tier } from './eligibilityApi';

type Option = { value: string; label: string };

/**
 * A draft's tiers as options, and any tier still chosen that the draft no longer has: it stays a
 * choice, saying so, until the person changes it.
 */
export function tierOptions(tiers: readonly Tier[], chosen: readonly string[]): Option[] {
  const missing = [...new Set(chosen)].filter((code) => !tiers.some((tier) => tier.code === code));
  return [
    ...vocabularyOptions(tiers.map(({ code, name }) => ({ code, label: name }))),
    ...missing.map((code) => ({ value: code, label: `${code} (not a tier of this draft)` })),
  ];
}
