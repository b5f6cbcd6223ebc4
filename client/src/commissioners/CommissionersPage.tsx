import { Link } from 'react-router';
import { useViewer } from '../account/ViewerProvider';
import { AudienceLandingPage } from '../shell/AudienceLandingPage';
import { allocatePath, fundsPath } from './budgets/budgetsApi';
import { eligibilityRulesPath } from './eligibility/paths';
import { insightsPath } from './insights/paths';

export function CommissionersPage() {
  const { viewer } = useViewer();
  const canReadRules = viewer?.role === 'COMMISSIONER' || viewer?.role === 'ADMIN';

  return (
    <AudienceLandingPage
      heading="Understand the short breaks market"
      purpose="Here you will be able to see where the supply of short breaks falls short of what families need across Devon."
      progress="We are still building these tools. There is no market information to show yet."
    >
      {canReadRules && (
        <>
          <h2 className="govuk-heading-m">Market insights</h2>
          <p className="govuk-body">
            Where places fall short of need, by district, need and age; supply, demand, quality,
            spending and outcomes; and a report for the joint commissioning group.
          </p>
          <p className="govuk-body">
            <Link to={insightsPath} className="govuk-link">
              Market insights
            </Link>
          </p>
          <h2 className="govuk-heading-m">Eligibility rules</h2>
          <p className="govuk-body">
            The tiers of short breaks support, who is eligible for each, and what publishing a
            change would mean for families.
          </p>
          <p className="govuk-body">
            <Link to={eligibilityRulesPath} className="govuk-link">
              Eligibility rules
            </Link>
          </p>
          <h2 className="govuk-heading-m">Budgets and funds</h2>
          <p className="govuk-body">
            Children’s personal budgets, the pooled funds, and what has been spent, where and on
            what.
          </p>
          <ul className="govuk-list">
            <li>
              <Link to={fundsPath} className="govuk-link">
                Funds and spending
              </Link>
            </li>
            <li>
              <Link to={allocatePath} className="govuk-link">
                Allocate budgets from a file
              </Link>
            </li>
          </ul>
        </>
      )}
    </AudienceLandingPage>
  );
}
