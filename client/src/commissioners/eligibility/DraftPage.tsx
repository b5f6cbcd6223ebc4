import { SERVICE_TYPES } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useSignedInViewer } from '../../account/RequireSignIn';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import { placeOfTier, shownTier, withTierMoved, type ShownTier } from './draftChanges';
import type { RuleSet } from './eligibilityApi';
import { draftPath, eligibilityRulesPath, tierPath } from './paths';
import { PublishedDraftBanner } from './PublishedDraft';
import { RuleProblems } from './RuleProblems';
import {
  describeTierRequirement,
  problemCount,
  requiredTierOf,
  serviceCheckLabel,
} from './ruleWords';
import { TierCard, tierCardTitle } from './TierCard';
import { useDraftChange } from './useDraftChange';
import { WithDraft } from './WithDraft';

/** What an edit page did, shown in a success banner when it comes back to the draft. */
export type DraftNotice = { saved: string };

export function DraftPage() {
  return (
    <WithDraft title="Draft">
      {(draft, reload) => <Draft draft={draft} reload={reload} />}
    </WithDraft>
  );
}

function Draft({ draft, reload }: { draft: RuleSet; reload: () => void }) {
  const isPublished = draft.publishedAsVersion !== null;
  const canChange = useSignedInViewer().role === 'COMMISSIONER' && !isPublished;
  const notice = useLocation().state as DraftNotice | null;
  // What the last move did, and a count that keys the banner so that it takes focus each time.
  const [moved, setMoved] = useState<{ message: string; count: number } | null>(null);
  const { form: moveForm, saveChange } = useDraftChange(draft.id, reload);
  const { problems, tiers } = draft;
  usePageTitle(`Draft: ${draft.name}`, { hasErrors: moveForm.hasErrors });

  const move = (event: FormEvent<HTMLFormElement>, shown: ShownTier, by: -1 | 1) =>
    moveForm.submit(event, () =>
      saveChange(
        (content) => withTierMoved(content, shown, by),
        (saved) => {
          // Where it went, counting any move a colleague made meanwhile.
          const place = placeOfTier(saved, { ...shown, index: shown.index + by });
          setMoved({
            message: `${shown.name || 'The tier'} moved ${by < 0 ? 'up' : 'down'}: it is now tier ${(place ?? shown.index + by) + 1}`,
            count: (moved?.count ?? 0) + 1,
          });
          reload();
        },
      ),
    );

  const banner = moved?.message ?? notice?.saved;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={eligibilityRulesPath} className="govuk-back-link">
          Back to eligibility rules
        </Link>
        <FormErrorSummary form={moveForm} unavailableOutcome="The tier has not been moved." />
        {draft.publishedAsVersion !== null && (
          <PublishedDraftBanner version={draft.publishedAsVersion} />
        )}
        {banner && (
          <SuccessBanner key={moved?.count ?? 0}>
            {banner}
            {problems.length > 0 &&
              `. This draft has ${problemCount(problems.length)} to fix before it can be published.`}
          </SuccessBanner>
        )}
        {problems.length > 0 && (
          <RuleProblems
            draftId={draft.id}
            ruleSet={draft}
            problems={problems}
            title={`${problemCount(problems.length)} would stop this draft publishing`}
            takesFocus={!banner}
            canEdit={canChange}
          />
        )}
        <span className="govuk-caption-l">Eligibility rules</span>
        <h1 className="govuk-heading-l">Draft: {draft.name || 'no name yet'}</h1>

        <SummaryList
          rows={[
            {
              key: 'Name',
              value: draft.name,
              action: canChange
                ? { text: 'Change', path: draftPath(draft.id, '/name') }
                : undefined,
            },
            {
              key: 'Started from',
              value: draft.basedOnVersion
                ? `Version ${draft.basedOnVersion}`
                : 'Nothing: a new statement',
            },
            { key: 'Last saved', value: formatDateTime(new Date(draft.updatedAt)) },
          ]}
        />

        <h2 className="govuk-heading-m">Tiers</h2>
        <p className="govuk-body">
          From the most open to the most specialist. A child is eligible for a tier when they meet
          every one of its rules. A kind of break that needs a tier is also open to children
          eligible for any tier below it in this list.
        </p>
        {tiers.length === 0 && <p className="govuk-body">There are no tiers yet.</p>}
        {tiers.map((tier, index) => (
          <TierCard
            key={index}
            tier={tier}
            index={index}
            tiers={tiers}
            actions={
              canChange
                ? [
                    { text: 'Change', path: tierPath(draft.id, index) },
                    { text: 'Remove', path: draftPath(draft.id, `/tiers/${index}/remove`) },
                  ]
                : []
            }
          >
            {canChange && tiers.length > 1 && (
              <div className="govuk-button-group govuk-!-margin-bottom-0">
                {index > 0 && (
                  <MoveButton
                    direction="up"
                    tierTitle={tierCardTitle(tier, index)}
                    onSubmit={(event) => move(event, shownTier(tier, index), -1)}
                  />
                )}
                {index < tiers.length - 1 && (
                  <MoveButton
                    direction="down"
                    tierTitle={tierCardTitle(tier, index)}
                    onSubmit={(event) => move(event, shownTier(tier, index), 1)}
                  />
                )}
              </div>
            )}
          </TierCard>
        ))}
        {canChange && (
          <p className="govuk-body">
            <Link to={draftPath(draft.id, '/tiers/new')} className="govuk-link">
              Add a tier
            </Link>
          </p>
        )}

        <h2 className="govuk-heading-m">Service rules</h2>
        <SummaryCard
          title="Checks, and the tier each kind of break needs"
          actions={canChange ? [{ text: 'Change', path: draftPath(draft.id, '/services') }] : []}
        >
          <SummaryList
            rows={[
              {
                key: 'Checks',
                value:
                  draft.services.checks.length === 0 ? (
                    'None'
                  ) : (
                    <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                      {draft.services.checks.map((check) => (
                        <li key={check}>{serviceCheckLabel(check)}</li>
                      ))}
                    </ul>
                  ),
              },
              ...SERVICE_TYPES.items.map(({ code, label }) => ({
                key: label,
                value: describeTierRequirement(requiredTierOf(draft, code), tiers),
              })),
            ]}
          />
        </SummaryCard>

        {!isPublished && (
          <Link to={draftPath(draft.id, '/preview')} className="govuk-button">
            Preview changes
          </Link>
        )}
      </div>
    </div>
  );
}

type MoveButtonProps = {
  direction: 'up' | 'down';
  tierTitle: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

function MoveButton({ direction, tierTitle, onSubmit }: MoveButtonProps) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <button
        type="submit"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      >
        Move {direction}
        <span className="govuk-visually-hidden"> {tierTitle}</span>
      </button>
    </form>
  );
}
