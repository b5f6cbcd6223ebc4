import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import { usesOfTier, withoutTier } from './draftChanges';
import { changeDraft, type RuleSet, type Tier } from './eligibilityApi';
import { draftPath } from './paths';
import { WithDraft } from './WithDraft';

/** Asks before taking a tier out of a draft: there is no undo. */
export function TierRemovePage() {
  const { tierIndex } = useParams();
  return (
    <WithDraft isEditPage>
      {(draft) => {
        const index = Number(tierIndex);
        const tier = draft.tiers[index];
        if (!tier) return <NotFoundPage />;
        return <RemoveTier draft={draft} index={index} tier={tier} />;
      }}
    </WithDraft>
  );
}

function RemoveTier({ draft, index, tier }: { draft: RuleSet; index: number; tier: Tier }) {
  const navigate = useNavigate();
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  const title = `Remove ${tier.name || `tier ${index + 1}`} from this draft?`;
  const uses = usesOfTier(draft, index);
  usePageTitle(title, { hasErrors: form.hasErrors });

  const remove = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, ruleSet } = await changeDraft(draft.id, (content) =>
        withoutTier(content, index),
      );
      if (ruleSet) {
        const notice: DraftNotice = { saved: `${tier.name} has been removed` };
        navigate(draftPath(draft.id), { state: notice });
      }
      return userErrors.map(({ message }) => ({ field: null, message }));
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="The tier has not been removed." />
        <span className="govuk-caption-l">Draft: {draft.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Tier {index + 1}, {tier.name}, and all its rules will be taken out of this draft. You
          cannot undo this, but the version in force does not change until you publish.
        </p>
        {uses.length > 0 && (
          <>
            <p className="govuk-body">
              These rules name it, and will need changing before the draft can be published:
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {uses.map((use) => (
                <li key={use}>{use}</li>
              ))}
            </ul>
          </>
        )}
        <form noValidate onSubmit={remove}>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning">
              Remove tier
            </button>
            <Link to={draftPath(draft.id)} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
