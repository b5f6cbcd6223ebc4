import { Link, Navigate, useNavigate } from 'react-router';
import { formErrorsFrom } from '../../api/userErrors';
import { formatCalendarDate } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SummaryList, type SummaryRow } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import { factRow, type FactField } from './facts';
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
        <SummaryList rows={answerRows(answers, input)} />

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

function answerRows(answers: CheckerAnswers, input: EligibilityCheckInput): SummaryRow[] {
  const linked = new Set<Question>();
  const withChange = (question: Question, row: SummaryRow): SummaryRow => {
    // An error about a question links to its first row's Change link.
    const id = linked.has(question) ? undefined : changeLinkId(question);
    linked.add(question);
    return {
      ...row,
      action: { text: 'Change', path: questionPath(question, { isChange: true }), id },
    };
  };
  // The tier is kept with its name, as the checker asked it from the published rules.
  const tiers = answers.assessedTier ? [answers.assessedTier] : [];
  const fact = (question: Question, field: FactField) =>
    withChange(question, factRow(field, input, tiers));
  return [
    withChange('date-of-birth', {
      key: 'Date of birth',
      value: formatCalendarDate(input.dateOfBirth),
    }),
    fact('where-you-live', 'homePostcode'),
    fact('needs', 'needs'),
    fact('diagnosis', 'diagnosis'),
    fact('ehc-plan', 'ehcPlan'),
    fact('social-care-assessment', 'socialCareAssessment'),
    fact('support', 'supportNeeded'),
    fact('support-details', 'communication'),
    fact('support-details', 'mobility'),
    fact('support-details', 'health'),
    fact('budget', 'budgetHolder'),
  ];
}
