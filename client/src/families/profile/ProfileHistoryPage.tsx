import { Link } from 'react-router';
import { formatDateTime } from '../../govuk/dates';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import { fetchProfileHistory, type ProfileVersion } from './profileApi';
import { fieldName, profilePaths } from './profileWords';
import { WithChild } from './WithChild';

/** Every saved change to a child's record, newest first: when, who, and what it changed. */
export function ProfileHistoryPage() {
  return (
    <WithChild load={fetchProfileHistory}>
      {({ id, firstName, versions }) => (
        <ProfileHistory childId={id} name={firstName} versions={versions} />
      )}
    </WithChild>
  );
}

type ProfileHistoryProps = { childId: string; name: string; versions: readonly ProfileVersion[] };

function ProfileHistory({ childId, name, versions }: ProfileHistoryProps) {
  const title = `Changes to ${name}’s record`;
  usePageTitle(title);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={profilePaths.profile(childId)} className="govuk-back-link">
          Back to {name}’s profile
        </Link>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Each time someone in your family, or {name}, saves a change to {name}’s record, we keep
          the version before it. Nobody else can change it.
        </p>
        {versions.length === 0 ? (
          <p className="govuk-body">There are no changes to show.</p>
        ) : (
          <Table
            caption="Every change, newest first"
            captionSize="m"
            isScrollable
            columns={[
              { heading: 'Version' },
              { heading: 'Date and time' },
              { heading: 'Who' },
              { heading: 'What changed' },
            ]}
            rows={versions.map((version) => ({
              key: String(version.version),
              cells: [
                version.version,
                <time key="changedAt" dateTime={version.changedAt}>
                  {formatDateTime(new Date(version.changedAt))}
                </time>,
                version.changedBy,
                describeChange(version.changedFields),
              ],
            }))}
          />
        )}
      </div>
    </div>
  );
}

/** "Needs, Diagnosis"; a save that changed nothing still makes a version. */
function describeChange(changedFields: readonly string[]): string {
  return changedFields.length === 0 ? 'Nothing changed' : changedFields.map(fieldName).join(', ');
}
