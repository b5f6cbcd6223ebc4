import { Link } from 'react-router';
import { ImportantBanner } from '../../govuk/NotificationBanner';
import { usePageTitle } from '../../shell/usePageTitle';
import type { RuleSet } from './eligibilityApi';
import { draftPath, eligibilityRulesPath } from './paths';

// A published draft keeps its page, to say which version it became, but can no longer change:
// published rules never do, so that every decision keeps the rules it was made with.

/** At the top of a published draft's page, which offers no changes. */
export function PublishedDraftBanner({ version }: { version: number }) {
  return (
    <ImportantBanner>
      This draft was published as version {version}, so it cannot be changed any more.{' '}
      <Link to={eligibilityRulesPath} className="govuk-notification-banner__link">
        Go to eligibility rules
      </Link>
    </ImportantBanner>
  );
}

const title = 'This draft cannot be changed any more';

/** What the pages that change a draft, or publish it, show instead once it has been published. */
export function PublishedDraftPage({ draft, version }: { draft: RuleSet; version: number }) {
  usePageTitle(title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={draftPath(draft.id)} className="govuk-back-link">
          Back to the draft
        </Link>
        <span className="govuk-caption-l">Draft: {draft.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          It was published as version {version}. Published rules never change, so that every
          family’s check keeps the rules it was made with.
        </p>
        <p className="govuk-body">
          Changes to the rules go in a new draft, started from the{' '}
          <Link to={eligibilityRulesPath} className="govuk-link">
            eligibility rules
          </Link>{' '}
          page.
        </p>
      </div>
    </div>
  );
}
