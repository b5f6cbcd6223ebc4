import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDateTime } from '../../govuk/dates';
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
    <div
      className="harbour-table-scroll"
      role="region"
      aria-labelledby="access-log-caption"
      tabIndex={0}
    >
      <table className="govuk-table">
        <caption id="access-log-caption" className="govuk-table__caption govuk-table__caption--m">
          Who looked at or changed your information, newest first
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Date and time
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((event) => (
            <tr key={event.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <time dateTime={event.at}>{formatDateTime(new Date(event.at))}</time>
              </td>
              <td className="govuk-table__cell">{event.actorName}</td>
              <td className="govuk-table__cell">{describeAccess(event.action, event.childName)}</td>
              <td className="govuk-table__cell">{event.reason ?? 'None given'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
