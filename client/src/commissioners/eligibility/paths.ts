export const eligibilityRulesPath = '/commissioners/eligibility';

/** A draft's page, or one of its edit pages: draftPath(id, '/services'). */
export function draftPath(draftId: string, page = ''): string {
  return `${eligibilityRulesPath}/drafts/${encodeURIComponent(draftId)}${page}`;
}

/** A tier's edit page, by its place in the draft (0 is the first tier). */
export function tierPath(draftId: string, index: number): string {
  return draftPath(draftId, `/tiers/${index}`);
}
