import type { RuleSet } from './eligibilityApi';

// Publishing a draft makes the version after the one it started from. When another draft has
// been published since, that number is taken, and publishing this one would undo the other's
// changes, so the API refuses it: its changes go in a new draft started from the version in force.

/** The version publishing this draft would make. */
export function versionAfter(draft: RuleSet): number {
  return (draft.basedOnVersion ?? 0) + 1;
}

/** The version in force when it was published after this draft was started; otherwise null. */
export function versionPublishedSince(draft: RuleSet, inForce: RuleSet | null): RuleSet | null {
  return inForce && inForce.version !== draft.basedOnVersion ? inForce : null;
}
