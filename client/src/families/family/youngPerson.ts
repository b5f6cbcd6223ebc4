/**
 * From this age a child can have a Harbour account of their own. The API applies the same rule
 * (YOUNG_PERSON_MIN_AGE in the families module) and has the last word, on the day it is asked.
 */
export const YOUNG_PERSON_MIN_AGE = 16;

export function canHaveOwnAccount(child: { ageInYears: number }): boolean {
  return child.ageInYears >= YOUNG_PERSON_MIN_AGE;
}
