import { Link } from 'react-router';
import { isFamilyRole } from '../../account/viewer';
import { useViewer } from '../../account/ViewerProvider';
import { StartButton } from '../../govuk/StartButton';
import { usePageTitle } from '../../shell/usePageTitle';
import { questionPath } from './checkerAnswers';
import { usePublishedRules } from './EligibilityCheckerProvider';

const heading = 'Check what support your child could get';

/** The checker's start page (GOV.UK start page pattern): what it does, then Start now. */
export function CheckStartPage() {
  const rules = usePublishedRules();
  const { viewer } = useViewer();
  usePageTitle(heading);
  // The viewer's family is what the navigation shows too: a signed-in family can check a
  // child they have already added in one step, from the profile they keep.
  const savedChildren = viewer && isFamilyRole(viewer.role) ? (viewer.family?.children ?? []) : [];
  const published = rules.status === 'ready' ? rules.rules : null;

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

        {published && (
          <>
            <h2 className="govuk-heading-m">The tiers of the offer</h2>
            <p className="govuk-body">
              The council’s {published.name} sets out {published.tiers.length} tiers of support:
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {published.tiers.map((tier) => (
                <li key={tier.code}>
                  <span className="govuk-!-font-weight-bold">{tier.name}:</span> {tier.summary}
                </li>
              ))}
            </ul>
          </>
        )}

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
        <StartButton to={questionPath('date-of-birth')}>Start now</StartButton>

        {savedChildren.length > 0 && (
          <>
            <h2 className="govuk-heading-m">Check a child you have added</h2>
            <p className="govuk-body">Use what you have already told us about them, in one step:</p>
            <ul className="govuk-list">
              {savedChildren.map((child) => (
                <li key={child.id}>
                  <Link to={`/family/children/${child.id}/eligibility`} className="govuk-link">
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
