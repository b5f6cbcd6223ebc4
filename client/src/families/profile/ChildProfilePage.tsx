import { PROFILE_SECTIONS } from '@harbour/shared';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../govuk/dates';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import { fetchChildProfile, type ChildWithProfile } from './profileApi';
import { profilePaths } from './profileWords';
import { sectionRows } from './sectionRows';
import { WithChild } from './WithChild';

/** What a page that sent the family back here has to tell them, such as what they saved. */
export type ProfileNotice = { saved: string };

/** A child's "tell it once" profile: every section's answers, each with a way to change it. */
export function ChildProfilePage() {
  return (
    <WithChild load={fetchChildProfile}>{(child) => <ChildProfile child={child} />}</WithChild>
  );
}

function ChildProfile({ child }: { child: ChildWithProfile }) {
  const notice = useLocation().state as ProfileNotice | null;
  const { id, firstName: name, profile, latestVersion, tiers } = child;
  const title = `${name}’s profile`;
  usePageTitle(title);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/family" className="govuk-back-link">
          Back to your family
        </Link>
        {notice?.saved && <SuccessBanner>{notice.saved}</SuccessBanner>}
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Tell us about {name} once, here, instead of again for every service. We use it to check
          what {name} can get. Only with your permission do we share it with a provider, and then
          only the parts you choose.
        </p>
        {latestVersion && (
          <p className="govuk-body">
            Version {latestVersion.version}, last changed on{' '}
            <time dateTime={latestVersion.changedAt}>
              {formatDateTime(new Date(latestVersion.changedAt))}
            </time>{' '}
            by {latestVersion.changedBy}.
          </p>
        )}
        <p className="govuk-body">
          <Link to={profilePaths.eligibility(id)} className="govuk-link">
            Check what {name} can get
          </Link>
        </p>

        <h2 className="govuk-heading-m">What you have told us about {name}</h2>
        {PROFILE_SECTIONS.items.map(({ code, label }) => (
          <SummaryCard
            key={code}
            title={label}
            actions={[{ text: 'Change', path: profilePaths.section(id, code) }]}
          >
            <SummaryList rows={sectionRows(code, profile, tiers)} />
          </SummaryCard>
        ))}

        <h2 className="govuk-heading-m">Changes and sharing</h2>
        <ul className="govuk-list">
          <li>
            <Link to={profilePaths.history(id)} className="govuk-link">
              Changes to {name}’s record
            </Link>
          </li>
          <li>
            <Link to={profilePaths.sharing(id)} className="govuk-link">
              Who can see {name}’s profile
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
