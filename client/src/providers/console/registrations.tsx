import { RATINGS, REGISTRATION_STATUSES, REGULATORS } from '@harbour/shared';
import { formatCalendarDate, formatDateTime } from '../../govuk/dates';
import { SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import type { Registration } from './consoleApi';

/** A regulator's registrations, as the register shows them. */
export function RegistrationsTable({
  caption,
  registrations,
}: {
  caption: string;
  registrations: readonly Registration[];
}) {
  return (
    <Table
      caption={caption}
      // A heading above the table says what it is to sighted people.
      isCaptionHidden
      isScrollable
      columns={[
        { heading: 'Regulator' },
        { heading: 'Number' },
        { heading: 'Type' },
        { heading: 'Status' },
        { heading: 'Rating' },
        { heading: 'Last inspected' },
      ]}
      rows={registrations.map((registration) => ({
        key: `${registration.regulator}:${registration.identifier}`,
        cells: [
          REGULATORS.label(registration.regulator),
          registration.identifier,
          registration.registrationType,
          REGISTRATION_STATUSES.label(registration.status),
          describeRating(registration.rating),
          describeInspection(registration.inspectedOn),
        ],
      }))}
    />
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
