import { SERVICE_CHECKS } from '@harbour/shared';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSendToSignIn, useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { NotGiven, SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  fetchRulesOverview,
  saveDraft,
  type CheckSummary,
  type RuleSet,
  type RuleSetContent,
  type RulesOverview,
} from './eligibilityApi';
import { outcomeCounts, outcomeHeadings } from './outcomes';
import { draftPath } from './paths';
import { problemCount } from './ruleWords';
import { TierCard } from './TierCard';

const title = 'Eligibility rules';

// With nothing published yet, a draft starts empty but for the checks every service is held to.
const emptyRules: RuleSetContent = {
  name: 'Short breaks statement',
  tiers: [],
  services: { checks: [...SERVICE_CHECKS], tierRequirements: [] },
};

/** The rules in force, drafts of the next version, earlier versions and what families checked. */
export function EligibilityRulesPage() {
  const { state } = useSignedInQuery(fetchRulesOverview);
  usePageTitle(title);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <ServiceProblemPage />;
  return <Overview overview={state.data} />;
}

function Overview({ overview }: { overview: RulesOverview }) {
  const { inForce, drafts, previousVersions, checks } = overview;
  const canEdit = useSignedInViewer().role === 'COMMISSIONER';
  const navigate = useNavigate();
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });

  const startDraft = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, ruleSet } = await saveDraft(null, inForce ?? emptyRules);
      if (ruleSet) navigate(draftPath(ruleSet.id));
      return userErrors.map(({ message }) => ({ field: null, message }));
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="The draft has not been started." />
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
          <DraftsTable drafts={drafts} />
        )}
        {canEdit && (
          <form noValidate onSubmit={startDraft}>
            <button type="submit" className="govuk-button govuk-button--secondary">
              {inForce ? `Start a new draft from version ${inForce.version}` : 'Start a new draft'}
            </button>
          </form>
        )}

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

function DraftsTable({ drafts }: { drafts: readonly RuleSet[] }) {
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
      rows={drafts.map((draft) => ({
        key: draft.id,
        cells: [
          <Link key="name" to={draftPath(draft.id)} className="govuk-link">
            {draft.name || 'Draft with no name'}
          </Link>,
          draft.basedOnVersion ? `Version ${draft.basedOnVersion}` : 'Nothing',
          formatDateTime(new Date(draft.updatedAt)),
          draft.problems.length === 0 ? (
            <strong key="ready" className="govuk-tag govuk-tag--green">
              Ready
            </strong>
          ) : (
            <strong key="ready" className="govuk-tag govuk-tag--red">
              {problemCount(draft.problems.length)}
            </strong>
          ),
        ],
      }))}
    />
  );
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
  const tierName = (code: string) =>
    inForce?.tiers.find((tier) => tier.code === code)?.name ?? code;
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
              cells: [tierName(counts.tier), ...outcomeCounts(counts)],
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
