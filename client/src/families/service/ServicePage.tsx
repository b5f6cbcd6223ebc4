import {
  ACCESSIBILITY_SUPPORT,
  FUNDING_TYPES,
  LOCATION_FEATURES,
  needLabel,
  RATINGS,
  REGISTRATION_STATUSES,
  REGULATORS,
  SERVICE_TYPES,
  STAFF_SKILLS,
  SUPPORT_RATIOS,
  WEEKDAYS,
} from '@harbour/shared';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  formatCalendarDate,
  londonToday,
  formatCalendarMonth,
  formatDate,
} from '../../govuk/dates';
import { LoadingPage } from '../../govuk/LoadingPage';
import { SummaryList, type SummaryRow } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  agesText,
  clockText,
  distanceFromText,
  fromSearchIn,
  labelsText,
  priceText,
  type FromSearch,
} from '../find/listingText';
import { UpcomingSessions } from '../booking/UpcomingSessions';
import { ChildrenFit } from './ChildrenFit';
import { fetchServiceListing, type ServiceListing } from './serviceApi';

const supportLabel = (id: string) =>
  ACCESSIBILITY_SUPPORT.find((concept) => concept.id === id)?.label ?? id;

const CONTINUES_PAST_18: Record<ServiceListing['continuesPast18'], string> = {
  YES: 'Yes. It is registered with the Care Quality Commission (CQC), so care can continue after 18.',
  NO: 'It may stop at 18. It is not registered with the Care Quality Commission (CQC), which personal care for adults needs. Ask the provider.',
  NOT_APPLICABLE: 'Does not apply to this service.',
};

type Answer = { id: string; listing: ServiceListing | null } | { id: string; hasFailed: true };

/** A service at one of its locations: what it offers, what it costs, and how it is regulated. */
export function ServicePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [fromSearch] = useState(() => fromSearchIn(location.state));
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let isCurrent = true;
    fetchServiceListing(id).then(
      (listing) => {
        if (isCurrent) setAnswer({ id, listing });
      },
      () => {
        if (isCurrent) setAnswer({ id, hasFailed: true });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [id]);

  const current = answer?.id === id ? answer : null;
  const listing = current && 'listing' in current ? current.listing : null;
  usePageTitle(
    listing?.name ??
      (current && 'listing' in current ? 'Service not found' : 'Short break or activity'),
  );

  const backLink = fromSearch ? (
    <Link to={fromSearch.searchPath} className="govuk-back-link">
      Back to search results
    </Link>
  ) : (
    <Link to="/families/find" className="govuk-back-link">
      Find short breaks and activities
    </Link>
  );

  if (!current) return <LoadingPage title="Short break or activity" />;
  if ('hasFailed' in current) {
    return (
      <>
        {backLink}
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Try again later.</p>
      </>
    );
  }
  if (!listing) {
    return (
      <>
        <h1 className="govuk-heading-l">Service not found</h1>
        <p className="govuk-body">
          This service may have been taken off Harbour, or the web address may be wrong.
        </p>
        <p className="govuk-body">
          <Link to="/families/find" className="govuk-link">
            Find short breaks and activities
          </Link>
        </p>
      </>
    );
  }

  const today = londonToday();
  const started = listing.upcomingRatios.filter(({ from }) => from <= today);
  const upcoming = listing.upcomingRatios.filter(({ from }) => from > today);

  return (
    <>
      {backLink}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{listing.providerName}</span>
          <h1 className="govuk-heading-xl">{listing.name}</h1>
          {listing.description && <p className="govuk-body-l">{listing.description}</p>}

          <ChildrenFit listingId={listing.id} providerName={listing.providerName} />

          <h2 className="govuk-heading-m">About this service</h2>
          <Facts
            rows={[
              { key: 'Type', value: SERVICE_TYPES.label(listing.type) },
              { key: 'Ages', value: agesText(listing.minAge, listing.maxAge) },
              { key: 'Needs supported', value: <ListOf items={listing.needs.map(needLabel)} /> },
              {
                key: 'Support ratios',
                // A planned ratio whose day has come is simply offered now.
                value: labelsText(
                  [...listing.ratios, ...started.map(({ ratio }) => ratio)].filter(
                    (ratio, i, all) => all.indexOf(ratio) === i,
                  ),
                  SUPPORT_RATIOS.label,
                ),
              },
              {
                key: 'Support from a later date',
                value: upcoming.length > 0 && (
                  <ListOf
                    items={upcoming.map(
                      ({ ratio, from }) =>
                        `${SUPPORT_RATIOS.label(ratio)} from ${formatCalendarMonth(from)}`,
                    )}
                  />
                ),
              },
              {
                key: 'Staff skills',
                value: <ListOf items={listing.skills.map(STAFF_SKILLS.label)} />,
              },
            ]}
          />

          <h2 className="govuk-heading-m">Accessibility</h2>
          <Facts
            rows={[
              {
                key: 'Accessibility support',
                value: <ListOf items={listing.accessibilitySupport.map(supportLabel)} />,
              },
              {
                key: 'Location features',
                value: <ListOf items={listing.features.map(LOCATION_FEATURES.label)} />,
              },
            ]}
          />

          <h2 className="govuk-heading-m">Costs and funding</h2>
          <Facts
            rows={[
              {
                key: 'Costs',
                value: (
                  <ListOf
                    items={listing.costOptions.map(
                      (option) => `${option.label}: ${priceText(option.amount, option.unit)}`,
                    )}
                  />
                ),
              },
              { key: 'Funding accepted', value: labelsText(listing.funding, FUNDING_TYPES.label) },
            ]}
          />

          <h2 className="govuk-heading-m">Sessions and booking</h2>
          <UpcomingSessions listingId={listing.id} />

          <h2 className="govuk-heading-m">When it runs</h2>
          <Facts
            rows={[
              {
                key: 'Days',
                value: labelsText(
                  WEEKDAYS.codes.filter((day) => listing.days.includes(day)),
                  WEEKDAYS.label,
                ),
              },
              {
                key: 'Times',
                value:
                  listing.startTime && listing.endTime
                    ? `${clockText(listing.startTime)} to ${clockText(listing.endTime)}`
                    : '',
              },
              { key: 'Dates', value: listing.scheduleSummary },
            ]}
          />

          <h2 className="govuk-heading-m">Where it is</h2>
          <Facts
            rows={[
              {
                key: 'Address',
                value: (
                  <ListOf
                    items={[listing.address.line, listing.address.town, listing.address.postcode]}
                  />
                ),
              },
              { key: 'Distance', value: distanceFrom(fromSearch) },
            ]}
          />

          <h2 className="govuk-heading-m">Contact</h2>
          <Facts
            rows={[
              {
                key: 'Phone',
                value: listing.contact.phone && (
                  <a
                    className="govuk-link"
                    href={`tel:${listing.contact.phone.replace(/\s/g, '')}`}
                  >
                    {listing.contact.phone}
                  </a>
                ),
              },
              {
                key: 'Email',
                value: listing.contact.email && (
                  <a className="govuk-link" href={`mailto:${listing.contact.email}`}>
                    {listing.contact.email}
                  </a>
                ),
              },
              {
                key: 'Website',
                value: listing.contact.website && (
                  <a
                    className="govuk-link"
                    href={listing.contact.website}
                    rel="noreferrer noopener"
                  >
                    {listing.contact.website}
                  </a>
                ),
              },
            ]}
          />
        </div>
      </div>
      <Registrations listing={listing} />
      <p className="govuk-body-s">
        Harbour last checked these details on {formatDate(new Date(listing.lastVerifiedAt))}. Check
        anything that matters to you with the provider before you book.
      </p>
    </>
  );
}

function distanceFrom(fromSearch: FromSearch | null): string {
  if (fromSearch?.distanceKm == null || !fromSearch.placeName) return '';
  return distanceFromText(fromSearch.distanceKm, fromSearch.placeName);
}

/** One part of what the service offers; rows with nothing to say are left out. */
function Facts({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <SummaryList
      className="govuk-!-margin-bottom-9"
      rows={rows.filter(({ value }) => value !== '' && value !== null && value !== false)}
    />
  );
}

function ListOf({ items }: { items: readonly string[] }) {
  const shown = items.filter(Boolean);
  if (shown.length === 0) return <>Not given</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {shown.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Registrations({ listing }: { listing: ServiceListing }) {
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Registration and inspection</h2>
          {listing.registrationSummary.map((line) => (
            <p key={line} className="govuk-body">
              {line}
            </p>
          ))}
          <Facts
            rows={[
              {
                key: 'Can care continue after 18?',
                value: CONTINUES_PAST_18[listing.continuesPast18],
              },
            ]}
          />
        </div>
      </div>
      {listing.registrations.length > 0 && (
        <Table
          caption="Registrations, as Ofsted and the Care Quality Commission publish them"
          isScrollable
          columns={[
            { heading: 'Regulator' },
            { heading: 'Registration number' },
            { heading: 'Registered as' },
            { heading: 'Status' },
            { heading: 'Rating' },
            { heading: 'Inspected' },
          ]}
          rows={listing.registrations.map((registration) => ({
            key: `${registration.regulator}:${registration.identifier}`,
            cells: [
              REGULATORS.label(registration.regulator),
              registration.identifier,
              registration.registrationType,
              REGISTRATION_STATUSES.label(registration.status),
              registration.rating ? RATINGS.label(registration.rating) : 'Not inspected yet',
              registration.inspectedOn ? formatCalendarDate(registration.inspectedOn) : '',
            ],
          }))}
        />
      )}
    </>
  );
}
