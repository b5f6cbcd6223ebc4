/** Harbour serves children and young people up to 25 (SEND services run 0–25). */
export const MAX_AGE_YEARS = 25;

/** From this age a young person may hold a Harbour account of their own. */
export const YOUNG_PERSON_MIN_AGE = 16;

export function canHaveOwnAccount(child: { ageInYears: number }): boolean {
  return child.ageInYears >= YOUNG_PERSON_MIN_AGE;
}
