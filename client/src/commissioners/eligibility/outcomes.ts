import type { OutcomeCounts } from './eligibilityApi';

/** The three outcomes a tier can have for a child, as counts tables head them. */
export const outcomeHeadings = [
  'Eligible',
  'May be eligible after an assessment',
  'Not eligible',
] as const;

/** A count as shown: the API leaves out counts from 1 to 4 so no child can be picked out. */
export function countText(count: number | null): string {
  return count === null ? 'Fewer than 5' : count.toLocaleString('en-GB');
}

/** A tier's counts in the order of `outcomeHeadings`. */
export function outcomeCounts(counts: OutcomeCounts): string[] {
  return [counts.eligible, counts.needsAssessment, counts.notEligible].map(countText);
}
