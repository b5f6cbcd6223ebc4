import type { OutcomeCounts } from './eligibilityApi';

/** The three outcomes a tier can have for a child, as counts tables head them. */
export const outcomeHeadings = [
  'Eligible',
  'May be eligible after an assessment',
  'Not eligible',
] as const;

/** A tier's counts in the order of `outcomeHeadings`. */
export function outcomeCounts(counts: OutcomeCounts): number[] {
  return [counts.eligible, counts.needsAssessment, counts.notEligible];
}
