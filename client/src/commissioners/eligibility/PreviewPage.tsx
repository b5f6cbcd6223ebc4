import { SERVICE_TYPES } from '@harbour/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSendToSignIn, useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDateTime } from '../../govuk/dates';
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
import { countText, outcomeCounts, outcomeHeadings } from './outcomes';
import { draftPath, eligibilityRulesPath } from './paths';
import { PublishedDraftPage } from './PublishedDraft';
import { RuleProblems } from './RuleProblems';
import { problemsFromUserErrors } from './ruleWords';

const title = 'What publishing this would change';

export function PreviewPage() {
  const { draftId = '' } = useParams();
  const load = useCallback(() => fetchPreview(draftId), [draftId]);
  const { state } = useSignedInQuery(load);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <ServiceProblemPage />;
  if (!state.data) return <NotFoundPage />;
  const { draft, preview } = state.data;
  if (draft.publishedAsVersion !== null) {
    return <PublishedDraftPage draft={draft} version={draft.publishedAsVersion} />;
  }
  return <Preview draft={draft} preview={preview} />;
}

function Preview({ draft, preview }: { draft: RuleSet; preview: RulePreview }) {
  const canPublish = useSignedInViewer().role === 'COMMISSIONER';
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  // Problems that made publishing refuse, with a count that keys their summary to take focus.
  const [refusal, setRefusal] = useState<{ problems: RuleSetProblem[]; count: number } | null>(
    null,
  );
  const [published, setPublished] = useState<RuleSet | null>(null);
  const { comparedWith } = preview;
  const nextVersion = (comparedWith?.version ?? 0) + 1;
  const problems = refusal?.problems ?? preview.problems;
  usePageTitle(published ? `Version ${published.version} published` : title, {
    hasErrors: !published && (problems.length > 0 || form.hasErrors),
  });
  useFocusHeadingOnChange(published === null);

  const publish = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, ruleSet } = await publishDraft(draft.id);
      if (ruleSet) {
        setPublished(ruleSet);
        return [];
      }
      const refused = problemsFromUserErrors(userErrors);
      setRefusal({ problems: refused, count: (refusal?.count ?? 0) + 1 });
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
        {problems.length > 0 && (
          <RuleProblems
            key={refusal?.count ?? 0}
            draftId={draft.id}
            ruleSet={draft}
            problems={problems}
            title={refusal ? 'The rules have not been published' : 'There is a problem'}
            description={
              refusal
                ? `Version ${nextVersion} cannot be published until these are fixed:`
                : 'This draft cannot be published until these are fixed, so what it would change is not shown:'
            }
            takesFocus={refusal !== null}
            canEdit={canPublish}
          />
        )}
        <span className="govuk-caption-l">Draft: {draft.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {comparedWith ? (
          <p className="govuk-body">
            Compared with version {comparedWith.version}, {comparedWith.name}, in force since{' '}
            {comparedWith.publishedAt
              ? formatDateTime(new Date(comparedWith.publishedAt))
              : 'it was published'}
            .
          </p>
        ) : (
          <p className="govuk-body">
            No rules have been published yet, so these would be the first.
          </p>
        )}

        {comparedWith &&
          draft.basedOnVersion !== null &&
          draft.basedOnVersion !== comparedWith.version && (
            <div className="govuk-inset-text">
              This draft started from version {draft.basedOnVersion}, but version{' '}
              {comparedWith.version} has been published since. Publishing this draft replaces it:
              anything version {comparedWith.version} changed that this draft does not have is lost.
            </div>
          )}

        {preview.problems.length === 0 && <Changes preview={preview} comparedWith={comparedWith} />}

        {canPublish && (
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
        )}
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
          { key: 'Children compared', value: preview.childrenCompared },
          { key: 'Children whose outcome changes', value: countText(preview.childrenChanging) },
        ]}
      />
      <p className="govuk-body">
        Every child with a profile on Harbour, checked against both versions today. A child’s
        outcome changes when it is different at one tier or more. Counts from 1 to 4 are shown as
        “fewer than 5”, so that no child can be picked out.
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
