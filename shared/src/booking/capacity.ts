/**
 * A session's capacity in two kinds of unit: places, and support units. Each member of staff
 * on shift gives `groupRatio` support units; a child in the group uses one, a child needing
 * 1:1 a whole member of staff (`groupRatio` units) and 2:1 two. So the staff a session needs
 * is ceil(group / ratio) + 1:1 children + 2 × 2:1 children, and never more than are on shift.
 */
export function supportUnitsFor(supportNeeded: string, groupRatio: number): number {
  if (supportNeeded === 'TWO_TO_ONE') return 2 * groupRatio;
  if (supportNeeded === 'ONE_TO_ONE') return groupRatio;
  return 1;
}

export function supportUnitsOf(session: { staff: number; groupRatio: number }): number {
  return session.staff * session.groupRatio;
}

export function supportInWords(supportNeeded: string): string {
  if (supportNeeded === 'TWO_TO_ONE') return '2:1 support (two members of staff)';
  if (supportNeeded === 'ONE_TO_ONE') return '1:1 support (a member of staff of their own)';
  return 'a place in the group';
}

/** Staff a session's children need, in whole people. */
export function staffNeeded(unitsUsed: number, groupRatio: number): number {
  return Math.ceil(unitsUsed / groupRatio);
}
