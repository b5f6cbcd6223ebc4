import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormErrorSummary } from '../../govuk/form';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import { shownTier, usesOfTier, withoutTier } from './draftChanges';
import type { RuleSet, Tier } from './eligibilityApi';
import { draftPath } from './paths';
import { useDraftChange } from './useDraftChange';
import { WithDraft } from './WithDraft';

/** Asks before taking a tier out of a draft: there is no undo. */
export function TierRemovePage() {
  const { tierIndex } = useParams();
  return (
    <WithDraft title="Remove a tier" isEditPage>
      {(draft, reload) => {
        const index = Number(tierIndex);
        const tier = draft.tiers[index];
        if (!tier) return <NotFoundPage />;
        return <RemoveTier draft={draft} index={index} tier={tier} reload={reload} />;
      }}
    </WithDraft>
  );
}

type RemoveTierProps = { draft: RuleSet; index: number; tier: Tier; reload: () => void };

function RemoveTier({ draft, index, tier, reload }: RemoveTierProps) {
  const navigate = useNavigate();
  const { form, saveChange } = useDraftChange(draft.id, reload);
  const title = `Remove ${tier.name || `tier ${index + 1}`} from this draft?`;
  const uses = usesOfTier(draft, index);
  usePageTitle(title, { hasErrors: form.hasErrors });

  // The tier this page shows is the one removed, even when a colleague has moved it meanwhile;
  // after a refusal the page reloads, so it shows (and removes) the tier in this place now.
  const remove = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, () =>
      saveChange(
        (content) => withoutTier(content, shownTier(tier, index)),
        () => {
          const notice: DraftNotice = { saved: `${tier.name} has been removed` };
          navigate(draftPath(draft.id), { state: notice });
        },
      ),
    );

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
