import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { formErrorsFrom } from '../../api/userErrors';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SummaryList, type SummaryRow } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { focusNonInteractive } from '../../shell/focus';
import { usePageTitle } from '../../shell/usePageTitle';
import { profilePaths } from '../profile/profileWords';
import { WithChild, type LoadedChild } from '../profile/WithChild';
import {
  checkSavedChild,
  fetchChildForCheck,
  type ChildForCheck,
  type EligibilityCheck,
  type Tier,
} from './eligibilityApi';
import { EligibilityResult } from './EligibilityResult';
import { factRow, type FactField } from './facts';

/** A saved child's check in one step, from their profile: the facts it uses, then the result. */
export function ChildEligibilityPage() {
  return (
    <WithChild load={fetchChildForCheck}>
      {({ child, tiers }, loaded) => <ChildCheck child={child} tiers={tiers} loaded={loaded} />}
    </WithChild>
  );
}

type ChildCheckProps = {
  child: ChildForCheck;
  tiers: readonly Tier[];
  /** A check is recorded by the API, so the previous checks are fetched again after one. */
  loaded: LoadedChild;
};

function ChildCheck({ child, tiers, loaded }: ChildCheckProps) {
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
        <SummaryList rows={factRows(child, tiers)} />
        <p className="govuk-body">
          <Link to={profilePaths.profile(child.id)} className="govuk-link">
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
              loaded.reload();
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

        <PreviousChecks
          name={name}
          checks={child.eligibilityDecisions}
          isOutOfDate={loaded.hasReloadFailed}
        />
      </div>
    </div>
  );
}

type PreviousChecksProps = {
  name: string;
  checks: ChildForCheck['eligibilityDecisions'];
  /** True when the checks could not be fetched again after a new one. */
  isOutOfDate: boolean;
};

function PreviousChecks({ name, checks, isOutOfDate }: PreviousChecksProps) {
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Previous checks</h2>
      {isOutOfDate && (
        <p className="govuk-body">
          Sorry, we cannot show the check you have just made here at the moment. It has been
          recorded: try again later to see it.
        </p>
      )}
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

const facts: readonly FactField[] = [
  'homePostcode',
  'needs',
  'diagnosis',
  'ehcPlan',
  'socialCareAssessment',
  'supportNeeded',
  'communication',
  'mobility',
  'health',
  'budgetHolder',
];

function factRows(child: ChildForCheck, tiers: readonly Tier[]): SummaryRow[] {
  return [
    { key: 'Age', value: child.ageInYears === 1 ? '1 year old' : `${child.ageInYears} years old` },
    ...facts.map((field) => factRow(field, child.profile, tiers)),
  ];
}
