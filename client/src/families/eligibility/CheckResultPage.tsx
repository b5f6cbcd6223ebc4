import { Link, Navigate, useNavigate } from 'react-router';
import { usePageTitle } from '../../shell/usePageTitle';
import { CHECK_ANSWERS_PATH, START_PATH } from './checkerAnswers';
import { useChecker } from './EligibilityCheckerProvider';
import { EligibilityResult, resultHeadline } from './EligibilityResult';

/** The anonymous check's result, from the answers in memory. */
export function CheckResultPage() {
  const { result, answers, startAgain } = useChecker();
  const navigate = useNavigate();
  usePageTitle(result ? resultHeadline('Your child', result.decision) : 'Your child’s result');

  if (!result) return <Navigate replace to={START_PATH} />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <EligibilityResult
          check={result}
          childName={null}
          place={answers.homePostcode || null}
          headingLevel={1}
        />

        <h2 className="govuk-heading-m">Change your answers or start again</h2>
        <p className="govuk-body">
          <Link to={CHECK_ANSWERS_PATH} className="govuk-link">
            Change your answers
          </Link>
        </p>
        <p className="govuk-body">
          Your answers are kept in this browser tab only, until you close it. On a shared computer,
          start again to clear them.
        </p>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            startAgain();
            navigate(START_PATH);
          }}
        >
          Start again
        </button>
      </div>
    </div>
  );
}
