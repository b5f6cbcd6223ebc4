import { RATINGS, REGISTRATION_STATUSES, REGULATORS } from '@harbour/shared';
import { formatCalendarDate, formatDateTime } from '../../govuk/dates';
import { SummaryList } from '../../govuk/SummaryList';
import type { Registration } from './consoleApi';

/** A regulator's registrations, as the register shows them. */
export function RegistrationsTable({
  id,
  caption,
  registrations,
}: {
  id: string;
  caption: string;
  registrations: readonly Registration[];
}) {
  const captionId = `${id}-caption`;
  return (
    <div className="harbour-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table">
        {/* A heading above the table says what it is to sighted people. */}
        <caption id={captionId} className="govuk-table__caption govuk-visually-hidden">
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Regulator', 'Number', 'Type', 'Status', 'Rating', 'Last inspected'].map((header) => (
              <th key={header} scope="col" className="govuk-table__header">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {registrations.map((registration) => (
            <tr
              key={`${registration.regulator}:${registration.identifier}`}
              className="govuk-table__row"
            >
              <td className="govuk-table__cell">{REGULATORS.label(registration.regulator)}</td>
              <td className="govuk-table__cell">{registration.identifier}</td>
              <td className="govuk-table__cell">{registration.registrationType}</td>
              <td className="govuk-table__cell">
                {REGISTRATION_STATUSES.label(registration.status)}
              </td>
              <td className="govuk-table__cell">{describeRating(registration.rating)}</td>
              <td className="govuk-table__cell">{describeInspection(registration.inspectedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A requested registration, as a summary list: for checking it against the register. */
export function RegistrationRequestSummary({
  registration,
  registeredBody,
  sentAt,
}: {
  registration: Registration;
  /** Who is registered: the provider, or one of its locations. */
  registeredBody: string;
  sentAt: string;
}) {
  return (
    <SummaryList
      rows={[
        { key: 'Registered', value: registeredBody },
        { key: 'Regulator', value: REGULATORS.label(registration.regulator) },
        { key: 'Registration number', value: registration.identifier },
        { key: 'Registration type', value: registration.registrationType },
        { key: 'Status', value: REGISTRATION_STATUSES.label(registration.status) },
        { key: 'Rating', value: describeRating(registration.rating) },
        { key: 'Last inspected', value: describeInspection(registration.inspectedOn) },
        { key: 'Sent for checking', value: formatDateTime(new Date(sentAt)) },
      ]}
    />
  );
}

function describeRating(rating: string | null): string {
  return rating ? RATINGS.label(rating) : 'Not given';
}

function describeInspection(inspectedOn: string | null): string {
  return inspectedOn ? formatCalendarDate(inspectedOn) : 'Not given';
}
