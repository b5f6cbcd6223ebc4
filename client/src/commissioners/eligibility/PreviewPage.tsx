import { SERVICE_TYPES } from '@harbour/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSendToSignIn, useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import type { UserError } from '../../api/userErrors';
import { formatDateTime } from '../../govuk/dates';
import { ErrorSummary } from '../../govuk/ErrorSummary';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { useFocusHeadingOnChange } from '../../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  fetchPreview,
  publishDraft,
  type RulePreview,
  type RuleSet,
  type RuleSetProblem,
} from './eligibilityApi';
import { LoadingPage } from '../../govuk/LoadingPage';
import { countText, outcomeCounts, outcomeHeadings } from './outcomes';
import { draftPath, eligibilityRulesPath } from './paths';
import { PublishedDraftPage } from './PublishedDraft';
import { RuleProblems } from './RuleProblems';
import { problemsFromUserErrors } from './ruleWords';
import { StartDraftButton, useStartDraft } from './StartDraftButton';
import { versionAfter, versionPublishedSince } from './versions';

const title = 'What publishing this would change';

export function PreviewPage() {
  const { draftId = '' } = useParams();
  const load = useCallback(() => fetchPreview(draftId), [draftId]);
  const { state, reload } = useSignedInQuery(load);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  if (!state.data) return <NotFoundPage />;
  const { draft, preview } = state.data;
  if (draft.publishedAsVersion !== null) {
    return <PublishedDraftPage draft={draft} version={draft.publishedAsVersion} />;
  }
  return <Preview draft={draft} preview={preview} reload={reload} />;
}

/**
 * Why publishing was refused: what is wrong with the rules, which links to where each is fixed,
 * or a reason that is not about the rules at all (another version published first, say).
 */
type Refusal = { problems: RuleSetProblem[]; reasons: string[] };

function refusalOf(userErrors: readonly UserError[]): Refusal {
  const isRuleProblem = ({ code }: UserError) => code === 'INVALID_RULES';
  return {
    problems: problemsFromUserErrors(userErrors.filter(isRuleProblem)),
    reasons: userErrors
      .filter((userError) => !isRuleProblem(userError))
      .map(({ code, message }) =>
        code === 'NOT_FOUND'
          ? 'This draft cannot be found any more, or you can no longer publish it.'
          : message,
      ),
  };
}

type PreviewProps = { draft: RuleSet; preview: RulePreview; reload: () => void };

function Preview({ draft, preview, reload }: PreviewProps) {
  const canPublish = useSignedInViewer().role === 'COMMISSIONER';
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  // The last refusal, with a count that keys its summary to take focus each time.
  const [refusal, setRefusal] = useState<(Refusal & { count: number }) | null>(null);
  const [published, setPublished] = useState<RuleSet | null>(null);
  const { comparedWith: inForce } = preview;
  const newer = versionPublishedSince(draft, inForce);
  const nextVersion = versionAfter(draft);
  const startDraft = useStartDraft(inForce);
  const refusedProblems = refusal?.problems.length ? refusal.problems : null;
  const problems = refusedProblems ?? preview.problems;
  const hasErrors =
    problems.length > 0 ||
    (refusal?.reasons.length ?? 0) > 0 ||
    form.hasErrors ||
    startDraft.form.hasErrors;
  usePageTitle(published ? `Version ${published.version} published` : title, {
    hasErrors: !published && hasErrors,
  });
  useFocusHeadingOnChange(published === null);

  const publish = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, ruleSet } = await publishDraft(draft.id);
      if (ruleSet) {
        setPublished(ruleSet);
        return [];
      }
      const refused = refusalOf(userErrors);
      setRefusal({ ...refused, count: (refusal?.count ?? 0) + 1 });
      // The draft has moved on (another version was published first, say): show the page as it
      // is now, which offers a new draft from that version instead of publishing.
      if (refused.reasons.length > 0) reload();
      return [];
    });

  if (published) return <Published version={published} />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={draftPath(draft.id)} className="govuk-back-link">
          Back to the draft
        </Link>
        <FormErrorSummary form={form} unavailableOutcome="The rules have not been published." />
        <FormErrorSummary
          form={startDraft.form}
          unavailableOutcome="The new draft has not been started."
        />
        {refusal && refusal.reasons.length > 0 && (
          <ErrorSummary
            key={refusal.count}
            title="The rules have not been published"
            errors={refusal.reasons.map((message) => ({ message }))}
          />
        )}
        {problems.length > 0 && (
          <RuleProblems
            key={refusal?.count ?? 0}
            draftId={draft.id}
            ruleSet={draft}
            problems={problems}
            title={refusedProblems ? 'The rules have not been published' : 'There is a problem'}
            description={
              refusedProblems
                ? `Version ${nextVersion} cannot be published until these are fixed:`
                : 'This draft cannot be published until these are fixed, so what it would change is not shown:'
            }
            takesFocus={refusedProblems !== null}
            canEdit={canPublish}
          />
        )}
        <span className="govuk-caption-l">Draft: {draft.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {inForce ? (
          <p className="govuk-body">
            Compared with version {inForce.version}, {inForce.name}, in force since{' '}
            {inForce.publishedAt
              ? formatDateTime(new Date(inForce.publishedAt))
              : 'it was published'}
            .
          </p>
        ) : (
          <p className="govuk-body">
            No rules have been published yet, so these would be the first.
          </p>
        )}

        {newer && (
          <div className="govuk-inset-text">
            Version {newer.version} was published after this draft was started
            {draft.basedOnVersion ? ` from version ${draft.basedOnVersion}` : ''}. Publishing this
            draft would undo version {newer.version}’s changes, so it cannot be published.
          </div>
        )}

        {preview.problems.length === 0 && <Changes preview={preview} comparedWith={inForce} />}

        {canPublish &&
          (newer ? (
            <>
              <h2 className="govuk-heading-m">Publish these changes</h2>
              <p className="govuk-body">
                Make them in a new draft started from version {newer.version}, then publish that.
                This draft stays as it is, for you to compare.
              </p>
              <StartDraftButton inForce={newer} onSubmit={startDraft.start} />
            </>
          ) : (
            <>
              <h2 className="govuk-heading-m">Publish these rules</h2>
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Once published, version {nextVersion} cannot be changed. Families’ checks use it
                  straight away. To change it later, start a new draft from it.
                </strong>
              </div>
              <form noValidate onSubmit={publish}>
                <button type="submit" className="govuk-button">
                  Publish as version {nextVersion}
                </button>
              </form>
            </>
          ))}
      </div>
    </div>
  );
}

function Changes({
  preview,
  comparedWith,
}: {
  preview: RulePreview;
  comparedWith: RuleSet | null;
}) {
  const now = comparedWith ? `Version ${comparedWith.version}` : 'Now';
  return (
    <>
      <h2 className="govuk-heading-m">Children</h2>
      <SummaryList
        rows={[
          { key: 'Children compared', value: countText(preview.childrenCompared) },
          { key: 'Children whose outcome changes', value: countText(preview.childrenChanging) },
        ]}
      />
      <p className="govuk-body">
        Every child with a profile on Harbour, checked against both versions today. A child’s
        outcome changes when it is different at one tier or more. So that no child can be picked
        out, counts are rounded to the nearest 5, and counts from 1 to 4 are shown as “fewer than
        5”.
      </p>

      <h2 className="govuk-heading-m">Outcomes by tier</h2>
      {preview.tiers.map(({ tier, name, before, after }) => (
        <Table
          key={tier}
          caption={name}
          hasRowHeaders
          columns={[
            { heading: 'Outcome' },
            { heading: now, isNumeric: true },
            { heading: 'After publishing', isNumeric: true },
          ]}
          rows={outcomeHeadings.map((heading, index) => ({
            key: heading,
            cells: [
              heading,
              before ? outcomeCounts(before)[index] : 'New tier',
              outcomeCounts(after)[index],
            ],
          }))}
        />
      ))}

      <h2 className="govuk-heading-m">Kinds of break</h2>
      {preview.serviceTypeChanges.length === 0 ? (
        <p className="govuk-body">No kind of break changes the tier it needs.</p>
      ) : (
        <Table
          caption="Kinds of break whose tier changes"
          isCaptionHidden
          hasRowHeaders
          columns={[
            { heading: 'Kind of break' },
            { heading: 'Change' },
            { heading: 'Services of this kind', isNumeric: true },
          ]}
          rows={preview.serviceTypeChanges.map(({ serviceType, change, services }) => ({
            key: serviceType,
            cells: [SERVICE_TYPES.label(serviceType), change, services],
          }))}
        />
      )}

      <h2 className="govuk-heading-m">Services whose outcome could change</h2>
      <ChangingServices preview={preview} />
    </>
  );
}

function ChangingServices({ preview }: { preview: RulePreview }) {
  const { servicesChanging: services, servicesChangingCount: count } = preview;
  if (count === 0) {
    return <p className="govuk-body">No service’s outcome changes for any child.</p>;
  }
  return (
    <>
      <p className="govuk-body">
        {count === 1
          ? '1 service could decide differently for at least one child.'
          : `${count} services could decide differently for at least one child.`}
        {count > services.length && ` These are the first ${services.length}.`}
      </p>
      <Table
        caption="Services whose outcome could change"
        isCaptionHidden
        columns={[{ heading: 'Service' }, { heading: 'Provider' }, { heading: 'Kind of break' }]}
        rows={services.map((service) => ({
          key: service.id,
          cells: [
            <Link
              key="name"
              to={`/services/${encodeURIComponent(service.id)}`}
              className="govuk-link"
            >
              {service.name}
            </Link>,
            service.providerName,
            SERVICE_TYPES.label(service.type),
          ],
        }))}
      />
    </>
  );
}

function Published({ version }: { version: RuleSet }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Version {version.version} published</h1>
          <div className="govuk-panel__body">{version.name}</div>
        </div>
        <h2 className="govuk-heading-m">What happens now</h2>
        <p className="govuk-body">
          Every eligibility check families make uses version {version.version} from now on, and so
          do the services they are shown.
        </p>
        <p className="govuk-body">
          Decisions already made keep the version they used. Families can check again to use the new
          rules.
        </p>
        <p className="govuk-body">
          <Link to={eligibilityRulesPath} className="govuk-link">
            Go back to eligibility rules
          </Link>
        </p>
      </div>
    </div>
  );
}
