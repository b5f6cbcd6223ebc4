import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDateTime } from '../../govuk/dates';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import { describeAccess } from './accessLog';
import { fetchAccessLog, type AccessEvent } from './familyApi';

const title = "Who has seen your family's information";

export function AccessLogPage() {
  const { state } = useSignedInQuery(fetchAccessLog);
  usePageTitle(title);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Each time someone outside your family looks at or changes your children&apos;s information
          on Harbour, we record it here. This includes providers you have let see a child&apos;s
          profile and council staff.
        </p>
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <p className="govuk-body">No one outside your family has looked at your information.</p>
          ) : (
            <AccessTable events={state.data} />
          ))}
        {state.status === 'failed' && (
          <p className="govuk-body">
            Sorry, we cannot show this record at the moment. Try again later.
          </p>
        )}
      </div>
    </div>
  );
}

function AccessTable({ events }: { events: readonly AccessEvent[] }) {
  return (
    <Table
      caption="Who looked at or changed your information, newest first"
      captionSize="m"
      isScrollable
      columns={[
        { heading: 'Date and time' },
        { heading: 'Who' },
        { heading: 'What' },
        { heading: 'Reason' },
      ]}
      rows={events.map((event) => ({
        key: event.id,
        cells: [
          <time key="at" dateTime={event.at}>
            {formatDateTime(new Date(event.at))}
          </time>,
          event.actorName,
          describeAccess(event.action, event.childName),
          event.reason ?? 'None given',
        ],
      }))}
    />
  );
}
