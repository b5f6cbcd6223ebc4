import { SERVICE_CHECKS } from '@harbour/shared';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useFormSubmission } from '../../govuk/form';
import { saveDraft, type RuleSet, type RuleSetContent } from './eligibilityApi';
import { draftPath } from './paths';

// With nothing published yet, a draft starts empty but for the checks every service is held to.
const emptyRules: RuleSetContent = {
  name: 'Short breaks statement',
  tiers: [],
  services: { checks: [...SERVICE_CHECKS], tierRequirements: [] },
};

/** Starts a new draft as a copy of the version in force, and opens it. */
export function useStartDraft(inForce: RuleSet | null) {
  const navigate = useNavigate();
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });

  const start = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, ruleSet } = await saveDraft(
        null,
        inForce ?? emptyRules,
        inForce?.version ?? null,
      );
      if (ruleSet) navigate(draftPath(ruleSet.id));
      return userErrors.map(({ message }) => ({ field: null, message }));
    });

  return { form, start };
}

type StartDraftButtonProps = {
  inForce: RuleSet | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

export function StartDraftButton({ inForce, onSubmit }: StartDraftButtonProps) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <button type="submit" className="govuk-button govuk-button--secondary">
        {inForce ? `Start a new draft from version ${inForce.version}` : 'Start a new draft'}
      </button>
    </form>
  );
}
