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
import { Link, Navigate, useNavigate } from 'react-router';
import { formErrorsFrom } from '../../api/userErrors';
import { formatCalendarDate } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SummaryList, type SummaryRow } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import { Labels, needLabel } from './Labels';
import {
  checkInputFrom,
  questionPath,
  RESULT_PATH,
  START_PATH,
  type CheckerAnswers,
  type Question,
} from './checkerAnswers';
import { submitAnonymousCheck, type EligibilityCheckInput } from './eligibilityApi';
import { useChecker } from './EligibilityCheckerProvider';

/** Which question asks for each of the API's input fields, so its errors link to the answer. */
const questionAsking: Record<keyof EligibilityCheckInput, Question> = {
  dateOfBirth: 'date-of-birth',
  homePostcode: 'where-you-live',
  needs: 'needs',
  diagnosis: 'diagnosis',
  ehcPlan: 'ehc-plan',
  socialCareAssessment: 'social-care-assessment',
  assessedTier: 'social-care-assessment',
  supportNeeded: 'support',
  communication: 'support-details',
  mobility: 'support-details',
  health: 'support-details',
  budgetHolder: 'budget',
};

const changeLinkId = (question: Question) => `change-${question}`;

/** GOV.UK's "Check your answers": every answer with a link to change it, then the check. */
export function CheckAnswersPage() {
  const { answers, setResult } = useChecker();
  const navigate = useNavigate();
  const form = useFormSubmission<Question>();
  usePageTitle('Check your answers', { hasErrors: form.hasErrors });

  const input = checkInputFrom(answers);
  if (!input) return <Navigate replace to={START_PATH} />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={questionPath('budget')} className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary
          form={form}
          unavailableOutcome="Your child’s eligibility has not been checked."
          fieldId={changeLinkId}
        />
        <h1 className="govuk-heading-l">Check your answers</h1>
        <SummaryList rows={answerRows(answers)} />

        <h2 className="govuk-heading-m">Now check your child’s eligibility</h2>
        <p className="govuk-body">
          We check your answers against the council’s published short breaks rules. We do not keep
          them: the council only counts how many checks are made and what they found, never who made
          them.
        </p>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const outcome = await submitAnonymousCheck(input);
              if ('userErrors' in outcome) {
                return formErrorsFrom(outcome.userErrors, [], (userError) => {
                  const field = userError.field?.[1] as keyof EligibilityCheckInput | undefined;
                  return (field && questionAsking[field]) ?? null;
                });
              }
              setResult(outcome.check);
              navigate(RESULT_PATH);
              return [];
            })
          }
        >
          <button type="submit" className="govuk-button">
            Check eligibility
          </button>
        </form>
      </div>
    </div>
  );
}

function answerRows(answers: CheckerAnswers): SummaryRow[] {
  const linked = new Set<Question>();
  const row = (question: Question, key: string, value: SummaryRow['value']): SummaryRow => {
    // An error about a question links to its first row's Change link.
    const id = linked.has(question) ? undefined : changeLinkId(question);
    linked.add(question);
    return {
      key,
      value,
      action: { text: 'Change', path: questionPath(question, { isChange: true }), id },
    };
  };
  const details = answers.supportDetails ?? { communication: [], mobility: [], health: [] };
  const assessment = answers.socialCareAssessment ?? 'NONE';
  return [
    row(
      'date-of-birth',
      'Date of birth',
      answers.dateOfBirth && formatCalendarDate(answers.dateOfBirth),
    ),
    row('where-you-live', 'Home postcode', answers.homePostcode || 'Not given'),
    row(
      'needs',
      'Needs',
      <Labels codes={answers.needs ?? []} label={needLabel} none="None selected" />,
    ),
    row('diagnosis', 'Diagnosis', DIAGNOSIS_STATUSES.label(answers.diagnosis ?? '')),
    row('ehc-plan', 'EHC plan', EHC_PLAN_STATUSES.label(answers.ehcPlan ?? '')),
    row(
      'social-care-assessment',
      'Social care assessment',
      answers.assessedTier && assessment === 'ASSESSED'
        ? `${SOCIAL_CARE_ASSESSMENT_STATUSES.label(assessment)}: ${answers.assessedTier.name}`
        : SOCIAL_CARE_ASSESSMENT_STATUSES.label(assessment),
    ),
    row('support', 'Support needed', SUPPORT_NEEDED.label(answers.supportNeeded ?? '')),
    row(
      'support-details',
      'Communication',
      <Labels
        codes={details.communication}
        label={COMMUNICATION_METHODS.label}
        none="None selected"
      />,
    ),
    row(
      'support-details',
      'Mobility',
      <Labels codes={details.mobility} label={MOBILITY_NEEDS.label} none="None selected" />,
    ),
    row(
      'support-details',
      'Health',
      <Labels codes={details.health} label={HEALTH_NEEDS.label} none="None selected" />,
    ),
    row('budget', 'Personal budget', BUDGET_HOLDERS.label(answers.budgetHolder ?? '')),
  ];
}
