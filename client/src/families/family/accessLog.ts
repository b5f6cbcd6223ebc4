// Access events name what happened as ACTION codes, such as CHILD_VIEWED or CHILD_NOTES_UPDATED:
// the last word is the verb and any words between CHILD and it name the part of the record.
const verbs: Record<string, string> = {
  VIEWED: 'Viewed',
  UPDATED: 'Changed',
  CREATED: 'Added',
  DELETED: 'Removed',
  EXPORTED: 'Downloaded',
  ALLOCATED: 'Allocated money to',
};

/** What someone did, in plain English: CHILD_VIEWED for Sam is "Viewed Sam's profile". */
export function describeAccess(action: string, childName: string): string {
  const words = action.split('_');
  const verb = verbs[words.at(-1) ?? ''];
  if (!verb) return `Looked at or changed ${childName}'s information`;
  const part = words
    .slice(words[0] === 'CHILD' ? 1 : 0, -1)
    .join(' ')
    .toLowerCase();
  return `${verb} ${childName}'s ${part || 'profile'}`;
}
