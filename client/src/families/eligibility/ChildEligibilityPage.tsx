import {
  BUDGET_HOLDERS,
  COMMUNICATION_METHODS,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  HEALTH_NEEDS,
  MOBILITY_NEEDS,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
  SUPPORT_NEEDED,
} from '@harbour/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formErrorsFrom } from '../../api/userErrors';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SummaryList, type SummaryRow } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { focusNonInteractive } from '../../shell/focus';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { Labels, needLabel } from './Labels';
import {
  checkSavedChild,
  fetchChildForCheck,
  type ChildForCheck,
  type EligibilityCheck,
} from './eligibilityApi';
import { EligibilityResult } from './EligibilityResult';

/** A saved child's check in one step, from their profile: the facts it uses, then the result. */
export function ChildEligibilityPage() {
  const { childId = '' } = useParams();
  const load = useCallback(() => fetchChildForCheck(childId), [childId]);
  const { state, reload } = useSignedInQuery(load);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <ServiceProblemPage />;
  if (!state.data) return <NotFoundPage />;
  return (
    <ChildCheck child={state.data.child} tierNames={state.data.tierNames} onChecked={reload} />
  );
}

type ChildCheckProps = {
  child: ChildForCheck;
  tierNames: ReadonlyMap<string, string>;
  /** Called after a check, which the API records, so the previous checks can be fetched again. */
  onChecked: () => void;
};

function ChildCheck({ child, tierNames, onChecked }: ChildCheckProps) {
  const name = child.firstName;
  const heading = `Check what ${name} can get`;
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  const [check, setCheck] = useState<EligibilityCheck | null>(null);
  const headline = useRef<HTMLHeadingElement>(null);
  usePageTitle(heading, { hasErrors: form.hasErrors });

  // Each new result is announced by moving focus to its headline.
  useEffect(() => {
    if (check && headline.current) focusNonInteractive(headline.current);
  }, [check]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/family" className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary
          form={form}
          unavailableOutcome={`${name}’s eligibility has not been checked.`}
        />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">
          We check {name}’s profile against the council’s published short breaks rules. The check
          uses these facts:
        </p>
        <SummaryList rows={profileRows(child, tierNames)} />
        <p className="govuk-body">
          <Link to={`/family/children/${child.id}/profile`} className="govuk-link">
            Change {name}’s profile
          </Link>{' '}
          if something here has changed.
        </p>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const outcome = await checkSavedChild(child.id);
              if ('userErrors' in outcome) return formErrorsFrom(outcome.userErrors, []);
              setCheck(outcome.check);
              onChecked();
              return [];
            })
          }
        >
          <button type="submit" className="govuk-button">
            Check now
          </button>
        </form>

        {check && (
          <div className="govuk-!-margin-top-6">
            <EligibilityResult
              check={check}
              childName={name}
              place={child.profile.homePostcode}
              headingLevel={2}
              headlineRef={headline}
            />
          </div>
        )}

        <PreviousChecks name={name} checks={child.eligibilityDecisions} />
      </div>
    </div>
  );
}

function PreviousChecks({
  name,
  checks,
}: {
  name: string;
  checks: ChildForCheck['eligibilityDecisions'];
}) {
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Previous checks</h2>
      {checks.length === 0 ? (
        <p className="govuk-body">You have not checked {name}’s eligibility before.</p>
      ) : (
        <Table
          caption={`${name}’s previous checks, newest first`}
          isCaptionHidden
          columns={[{ heading: 'Checked' }, { heading: 'Rules used' }, { heading: 'Best tier' }]}
          rows={checks.map((check) => ({
            key: check.id,
            cells: [
              formatDateTime(new Date(check.decidedAt)),
              check.ruleSet.version === null
                ? check.ruleSet.name
                : `${check.ruleSet.name}, version ${check.ruleSet.version}`,
              check.bestTier?.name ?? 'None',
            ],
          }))}
        />
      )}
    </>
  );
}

function profileRows(child: ChildForCheck, tierNames: ReadonlyMap<string, string>): SummaryRow[] {
  const { profile } = child;
  const notGiven = 'Not given';
  const label = (code: string | null, vocabulary: { label: (code: string) => string }) =>
    code ? vocabulary.label(code) : notGiven;
  const assessment = label(profile.socialCareAssessment, SOCIAL_CARE_ASSESSMENT_STATUSES);
  const assessedTier =
    profile.socialCareAssessment === 'ASSESSED' && profile.assessedTier
      ? (tierNames.get(profile.assessedTier) ?? profile.assessedTier)
      : null;
  const none = 'None recorded';
  return [
    { key: 'Age', value: child.ageInYears === 1 ? '1 year old' : `${child.ageInYears} years old` },
    {
      key: 'Home postcode',
      value: profile.homePostcode
        ? `${profile.homePostcode}${profile.district ? ` (${profile.district})` : ''}`
        : notGiven,
    },
    { key: 'Needs', value: <Labels codes={profile.needs} label={needLabel} none={none} /> },
    { key: 'Diagnosis', value: label(profile.diagnosis, DIAGNOSIS_STATUSES) },
    { key: 'EHC plan', value: label(profile.ehcPlan, EHC_PLAN_STATUSES) },
    {
      key: 'Social care assessment',
      value: assessedTier ? `${assessment}: ${assessedTier}` : assessment,
    },
    { key: 'Support needed', value: label(profile.supportNeeded, SUPPORT_NEEDED) },
    {
      key: 'Communication',
      value: (
        <Labels codes={profile.communication} label={COMMUNICATION_METHODS.label} none={none} />
      ),
    },
    {
      key: 'Mobility',
      value: <Labels codes={profile.mobility} label={MOBILITY_NEEDS.label} none={none} />,
    },
    {
      key: 'Health',
      value: <Labels codes={profile.health} label={HEALTH_NEEDS.label} none={none} />,
    },
    { key: 'Personal budget', value: label(profile.budgetHolder, BUDGET_HOLDERS) },
  ];
}
