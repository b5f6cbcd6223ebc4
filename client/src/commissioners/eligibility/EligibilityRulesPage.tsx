import { Link } from 'react-router';
import { useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary } from '../../govuk/form';
import { NotGiven, SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  fetchRulesOverview,
  type CheckSummary,
  type RuleSet,
  type RulesOverview,
} from './eligibilityApi';
import { LoadingPage } from '../../govuk/LoadingPage';
import { outcomeCounts, outcomeHeadings } from './outcomes';
import { draftPath } from './paths';
import { problemCount, tierNameOf } from './ruleWords';
import { StartDraftButton, useStartDraft } from './StartDraftButton';
import { TierCard } from './TierCard';
import { versionPublishedSince } from './versions';

const title = 'Eligibility rules';

/** The rules in force, drafts of the next version, earlier versions and what families checked. */
export function EligibilityRulesPage() {
  const { state } = useSignedInQuery(fetchRulesOverview);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  return <Overview overview={state.data} />;
}

function Overview({ overview }: { overview: RulesOverview }) {
  const { inForce, drafts, previousVersions, checks } = overview;
  const canEdit = useSignedInViewer().role === 'COMMISSIONER';
  const startDraft = useStartDraft(inForce);
  usePageTitle(title, { hasErrors: startDraft.form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={startDraft.form}
          unavailableOutcome="The draft has not been started."
        />
        <span className="govuk-caption-l">Commissioning</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          These rules decide which tiers of short breaks support a child is eligible for, and which
          services they can use. Families’ checks use the version in force.
        </p>

        <h2 className="govuk-heading-m">The version in force</h2>
        {inForce ? (
          <InForce ruleSet={inForce} />
        ) : (
          <p className="govuk-body">No rules have been published yet.</p>
        )}

        <h2 className="govuk-heading-m">Drafts</h2>
        {drafts.length === 0 ? (
          <p className="govuk-body">There are no drafts.</p>
        ) : (
          <DraftsTable drafts={drafts} inForce={inForce} />
        )}
        {canEdit && <StartDraftButton inForce={inForce} onSubmit={startDraft.start} />}

        <h2 className="govuk-heading-m">Previous versions</h2>
        {previousVersions.length === 0 ? (
          <p className="govuk-body">There are no previous versions.</p>
        ) : (
          <VersionsTable versions={previousVersions} />
        )}

        <AnonymousChecks checks={checks} inForce={inForce} />
      </div>
    </div>
  );
}

function InForce({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: 'Name', value: ruleSet.name },
          { key: 'Version', value: ruleSet.version },
          {
            key: 'Published',
            value: ruleSet.publishedAt ? (
              formatDateTime(new Date(ruleSet.publishedAt))
            ) : (
              <NotGiven />
            ),
          },
        ]}
      />
      <h3 className="govuk-heading-s">Its tiers, from the most open to the most specialist</h3>
      {ruleSet.tiers.map((tier, index) => (
        <TierCard key={index} tier={tier} index={index} tiers={ruleSet.tiers} />
      ))}
    </>
  );
}

function DraftsTable({ drafts, inForce }: { drafts: readonly RuleSet[]; inForce: RuleSet | null }) {
  return (
    <Table
      caption="Drafts"
      isCaptionHidden
      columns={[
        { heading: 'Draft' },
        { heading: 'Started from' },
        { heading: 'Last saved' },
        { heading: 'Ready to publish' },
      ]}
      rows={drafts.map((draft) => {
        const newer = versionPublishedSince(draft, inForce);
        const startedFrom = draft.basedOnVersion ? `Version ${draft.basedOnVersion}` : 'Nothing';
        return {
          key: draft.id,
          cells: [
            <Link key="name" to={draftPath(draft.id)} className="govuk-link">
              {draft.name || 'Draft with no name'}
            </Link>,
            newer
              ? `${startedFrom}: version ${newer.version} was published after it was started`
              : startedFrom,
            formatDateTime(new Date(draft.updatedAt)),
            <ReadyTag key="ready" draft={draft} isOutOfDate={newer !== null} />,
          ],
        };
      })}
    />
  );
}

/** Whether a draft can be published: one started before the version in force never can. */
function ReadyTag({ draft, isOutOfDate }: { draft: RuleSet; isOutOfDate: boolean }) {
  if (isOutOfDate) return <strong className="govuk-tag govuk-tag--yellow">Out of date</strong>;
  if (draft.problems.length > 0) {
    return (
      <strong className="govuk-tag govuk-tag--red">{problemCount(draft.problems.length)}</strong>
    );
  }
  return <strong className="govuk-tag govuk-tag--green">Ready</strong>;
}

function VersionsTable({ versions }: { versions: readonly RuleSet[] }) {
  return (
    <Table
      caption="Previous versions"
      isCaptionHidden
      columns={[{ heading: 'Version' }, { heading: 'Name' }, { heading: 'Published' }]}
      rows={versions.map((version) => ({
        key: version.id,
        cells: [
          version.version,
          version.name,
          version.publishedAt ? formatDateTime(new Date(version.publishedAt)) : 'Not given',
        ],
      }))}
    />
  );
}

function AnonymousChecks({ checks, inForce }: { checks: CheckSummary; inForce: RuleSet | null }) {
  return (
    <>
      <h2 className="govuk-heading-m">Anonymous checks</h2>
      <p className="govuk-body">
        Families can check eligibility without an account. Harbour keeps only these counts, nothing
        about any person.
      </p>
      <p className="govuk-body">
        {checks.checks === 1 ? '1 check has' : `${checks.checks} checks have`} been made.
      </p>
      {checks.checks > 0 && (
        <>
          <Table
            caption="Outcomes by tier"
            hasRowHeaders
            columns={[
              { heading: 'Tier' },
              ...outcomeHeadings.map((heading) => ({ heading, isNumeric: true })),
            ]}
            rows={checks.tiers.map((counts) => ({
              key: counts.tier,
              cells: [tierNameOf(inForce?.tiers ?? [], counts.tier), ...outcomeCounts(counts)],
            }))}
          />
          <Table
            caption="Checks by district"
            hasRowHeaders
            columns={[{ heading: 'District' }, { heading: 'Checks', isNumeric: true }]}
            rows={checks.byDistrict.map(({ district, checks: count }) => ({
              key: district,
              cells: [district, count],
            }))}
          />
        </>
      )}
    </>
  );
}
