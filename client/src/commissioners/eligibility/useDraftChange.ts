import { useSendToSignIn } from '../../account/RequireSignIn';
import type { FormError } from '../../api/userErrors';
import { useFormSubmission } from '../../govuk/form';
import { changeDraft, DRAFT_CHANGED, type RuleSet, type RuleSetContent } from './eligibilityApi';

// Refusals that mean the page no longer shows the draft as it is: a colleague changed the part
// being changed, published the draft, or it is not there any more.
const staleCodes = new Set([DRAFT_CHANGED, 'PUBLISHED', 'NOT_FOUND']);

/**
 * The form of a page that changes one part of a draft. `saveChange` makes the change to the draft
 * as it is now; when it is refused because the draft has moved on, the page reloads to show the
 * draft as it is (or that it was published), with the refusal in its error summary.
 */
export function useDraftChange<Field extends string = never>(draftId: string, reload: () => void) {
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<Field>({ handleFailure: sendToSignIn });

  async function saveChange(
    change: (content: RuleSetContent) => RuleSetContent | null,
    onSaved: (draft: RuleSet) => void,
  ): Promise<FormError<Field>[]> {
    const { userErrors, ruleSet } = await changeDraft(draftId, change);
    if (ruleSet) {
      onSaved(ruleSet);
      return [];
    }
    if (userErrors.some(({ code }) => staleCodes.has(code))) reload();
    return userErrors.map(({ message }) => ({ field: null, message }));
  }

  return { form, saveChange };
}
