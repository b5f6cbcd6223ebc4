import { PROFILE_SECTIONS } from '@harbour/shared';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../govuk/dates';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ProfileNotice } from './ChildProfilePage';
import { fetchConsents, type ChildWithConsents } from './profileApi';
import { profilePaths } from './profileWords';
import { WithChild } from './WithChild';

/** Where the family sees which providers can see a child's profile, and which parts of it. */
export function SharingPage() {
  return <WithChild load={fetchConsents}>{(child) => <Sharing child={child} />}</WithChild>;
}

function Sharing({ child: { id, firstName: name, consents } }: { child: ChildWithConsents }) {
  const notice = useLocation().state as ProfileNotice | null;
  const title = `Who can see ${name}’s profile`;
  usePageTitle(title);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={profilePaths.profile(id)} className="govuk-back-link">
          Back to {name}’s profile
        </Link>
        {notice?.saved && <SuccessBanner>{notice.saved}</SuccessBanner>}
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Providers cannot see {name}’s profile unless you share it with them. When you do, they see
          only the parts you tick, and {name}’s name and age. They never see {name}’s date of birth,
          and they cannot change anything.
        </p>
        <p className="govuk-body">
          You can change what a provider sees, or stop sharing with them, at any time. Each time a
          provider looks at {name}’s profile, we record it on{' '}
          <Link to="/account/access-log" className="govuk-link">
            who has seen your family’s information
          </Link>
          .
        </p>

        <h2 className="govuk-heading-m">Providers you share with</h2>
        {consents.length === 0 ? (
          <>
            <p className="govuk-body">You do not share {name}’s profile with any providers.</p>
            <p className="govuk-body">
              To share it,{' '}
              <Link to="/families/find" className="govuk-link">
                find a short break
              </Link>{' '}
              and choose to share {name}’s profile from the service’s page.
            </p>
          </>
        ) : (
          consents.map(({ organisation, grantedAt, sections }) => (
            <SummaryCard key={organisation.id} title={organisation.name}>
              <SummaryList
                rows={[
                  {
                    key: 'Can see',
                    value:
                      sections.length === 0 ? (
                        `Only ${name}’s name and age`
                      ) : (
                        <ul className="govuk-list">
                          {sections.map((section) => (
                            <li key={section}>{PROFILE_SECTIONS.label(section)}</li>
                          ))}
                        </ul>
                      ),
                  },
                  {
                    key: 'Last changed',
                    value: <time dateTime={grantedAt}>{formatDateTime(new Date(grantedAt))}</time>,
                  },
                ]}
              />
              <p className="govuk-body govuk-!-margin-top-4 govuk-!-margin-bottom-0">
                <Link to={profilePaths.changeSharing(id, organisation.id)} className="govuk-link">
                  Change what {organisation.name} can see, or stop sharing
                </Link>
              </p>
            </SummaryCard>
          ))
        )}
      </div>
    </div>
  );
}
