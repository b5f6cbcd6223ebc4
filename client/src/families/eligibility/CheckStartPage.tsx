import { Link } from 'react-router';
import { isFamilyRole } from '../../account/viewer';
import { useViewer } from '../../account/ViewerProvider';
import { LoadingPage } from '../../govuk/LoadingPage';
import { StartButton } from '../../govuk/StartButton';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { profilePaths } from '../profile/profileWords';
import { questionPath } from './checkerAnswers';
import type { PublishedRules } from './eligibilityApi';
import { useChecker, usePublishedRules } from './EligibilityCheckerProvider';

const heading = 'Check what support your child could get';

/**
 * The checker's start page (GOV.UK start page pattern): what it does, then Start now. Before the
 * council has published its rules there is nothing to check against, so it says whom to ask.
 */
export function CheckStartPage() {
  const rules = usePublishedRules();

  if (rules.status === 'loading') return <LoadingPage title={heading} />;
  if (rules.status === 'failed') return <ServiceProblemPage />;
  if (!rules.rules) return <NoRulesPage />;
  return <StartPage rules={rules.rules} />;
}

function StartPage({ rules }: { rules: PublishedRules }) {
  const { startAgain } = useChecker();
  const { viewer } = useViewer();
  usePageTitle(heading);
  // The viewer's family is what the navigation shows too: a signed-in family can check a
  // child they have already added in one step, from the profile they keep.
  const savedChildren = viewer && isFamilyRole(viewer.role) ? (viewer.family?.children ?? []) : [];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">Answer some questions about your child to find out:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            which tiers of Devon’s short breaks offer they are likely to be eligible for, and why
          </li>
          <li>what would change the answer, and how to get each kind of support</li>
          <li>which services near you fit your child</li>
        </ul>

        <h2 className="govuk-heading-m">The tiers of the offer</h2>
        <p className="govuk-body">
          The council’s {rules.name} sets out {rules.tiers.length} tiers of support:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {rules.tiers.map((tier) => (
            <li key={tier.code}>
              <span className="govuk-!-font-weight-bold">{tier.name}:</span> {tier.summary}
            </li>
          ))}
        </ul>

        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">
          You do not need an account, and it takes about 5 minutes. Nothing you enter is saved: the
          council only counts how many checks are made and what they found, never who made them or
          their answers.
        </p>
        <p className="govuk-body">
          The council makes the final decision about support. This check explains its rules and
          points you to the right people.
        </p>
        {/* Each start is a new check: answers from an earlier one in this tab are forgotten. */}
        <StartButton to={questionPath('date-of-birth')} onClick={startAgain}>
          Start now
        </StartButton>

        {savedChildren.length > 0 && (
          <>
            <h2 className="govuk-heading-m">Check a child you have added</h2>
            <p className="govuk-body">Use what you have already told us about them, in one step:</p>
            <ul className="govuk-list">
              {savedChildren.map((child) => (
                <li key={child.id}>
                  <Link to={profilePaths.eligibility(child.id)} className="govuk-link">
                    Check what {child.firstName} can get
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

// Without published rules there is no tier's "how to get this support" to point to, so the
// council's own contact for short breaks is given here.
const SHORT_BREAKS_PHONE = '0345 155 1071';

function NoRulesPage() {
  usePageTitle(heading);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">
          You cannot use this check yet. The council has not published its short breaks rules on
          Harbour, so there is nothing to check your child’s answers against.
        </p>
        <h2 className="govuk-heading-m">Ask the council’s short breaks team</h2>
        <p className="govuk-body">
          To find out what support your child could get, contact Devon’s children’s social care, who
          run the council’s short breaks:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            phone{' '}
            <a className="govuk-link" href={`tel:${SHORT_BREAKS_PHONE.replace(/\s/g, '')}`}>
              {SHORT_BREAKS_PHONE}
            </a>
          </li>
          <li>or ask your child’s school to contact them for you</li>
        </ul>
        <p className="govuk-body">
          You can still{' '}
          <Link to="/families/find" className="govuk-link">
            find short breaks and activities
          </Link>{' '}
          near you.
        </p>
      </div>
    </div>
  );
}
