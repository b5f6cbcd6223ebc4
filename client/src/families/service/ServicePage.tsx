import {
  ACCESSIBILITY_SUPPORT,
  FUNDING_TYPES,
  LOCATION_FEATURES,
  NEEDS,
  RATINGS,
  REGISTRATION_STATUSES,
  REGULATORS,
  SERVICE_TYPES,
  STAFF_SKILLS,
  SUPPORT_RATIOS,
  WEEKDAYS,
} from '@harbour/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatCalendarDate, formatDate } from '../../govuk/dates';
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
import { ChildrenFit } from './ChildrenFit';
import { fetchServiceListing, type ServiceListing } from './serviceApi';

const needLabel = (code: string) => NEEDS.find((need) => need.code === code)?.label ?? code;
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

  if (!current) {
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }
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
          <SummaryList
            rows={[
              ['Type', SERVICE_TYPES.label(listing.type)],
              ['Ages', agesText(listing.minAge, listing.maxAge)],
              ['Needs supported', <ListOf key="needs" items={listing.needs.map(needLabel)} />],
              ['Support ratios', labelsText(listing.ratios, SUPPORT_RATIOS.label)],
              [
                'Staff skills',
                <ListOf key="skills" items={listing.skills.map(STAFF_SKILLS.label)} />,
              ],
            ]}
          />

          <h2 className="govuk-heading-m">Accessibility</h2>
          <SummaryList
            rows={[
              [
                'Accessibility support',
                <ListOf key="support" items={listing.accessibilitySupport.map(supportLabel)} />,
              ],
              [
                'Location features',
                <ListOf key="features" items={listing.features.map(LOCATION_FEATURES.label)} />,
              ],
            ]}
          />

          <h2 className="govuk-heading-m">Costs and funding</h2>
          <SummaryList
            rows={[
              [
                'Costs',
                <ListOf
                  key="costs"
                  items={listing.costOptions.map(
                    (option) => `${option.label}: ${priceText(option.amount, option.unit)}`,
                  )}
                />,
              ],
              ['Funding accepted', labelsText(listing.funding, FUNDING_TYPES.label)],
            ]}
          />

          <h2 className="govuk-heading-m">When it runs</h2>
          <SummaryList
            rows={[
              [
                'Days',
                labelsText(
                  WEEKDAYS.codes.filter((day) => listing.days.includes(day)),
                  WEEKDAYS.label,
                ),
              ],
              [
                'Times',
                listing.startTime && listing.endTime
                  ? `${clockText(listing.startTime)} to ${clockText(listing.endTime)}`
                  : '',
              ],
              ['Dates', listing.scheduleSummary],
            ]}
          />

          <h2 className="govuk-heading-m">Where it is</h2>
          <SummaryList
            rows={[
              [
                'Address',
                <ListOf
                  key="address"
                  items={[listing.address.line, listing.address.town, listing.address.postcode]}
                />,
              ],
              ['Distance', distanceFrom(fromSearch)],
            ]}
          />

          <h2 className="govuk-heading-m">Contact</h2>
          <SummaryList
            rows={[
              [
                'Phone',
                listing.contact.phone && (
                  <a
                    className="govuk-link"
                    href={`tel:${listing.contact.phone.replace(/\s/g, '')}`}
                  >
                    {listing.contact.phone}
                  </a>
                ),
              ],
              [
                'Email',
                listing.contact.email && (
                  <a className="govuk-link" href={`mailto:${listing.contact.email}`}>
                    {listing.contact.email}
                  </a>
                ),
              ],
              [
                'Website',
                listing.contact.website && (
                  <a
                    className="govuk-link"
                    href={listing.contact.website}
                    rel="noreferrer noopener"
                  >
                    {listing.contact.website}
                  </a>
                ),
              ],
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

/** A GOV.UK summary list; rows with nothing to say are left out. */
function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, value]) => value !== '' && value !== null && value !== false);
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-9">
      {shown.map(([key, value]) => (
        <div key={key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
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
          <SummaryList
            rows={[['Can care continue after 18?', CONTINUES_PAST_18[listing.continuesPast18]]]}
          />
        </div>
      </div>
      {listing.registrations.length > 0 && (
        <div
          className="harbour-table-scroll"
          role="region"
          aria-labelledby="registrations-caption"
          tabIndex={0}
        >
          <table className="govuk-table">
            <caption
              id="registrations-caption"
              className="govuk-table__caption govuk-table__caption--s"
            >
              Registrations, as Ofsted and the Care Quality Commission publish them
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {[
                  'Regulator',
                  'Registration number',
                  'Registered as',
                  'Status',
                  'Rating',
                  'Inspected',
                ].map((heading) => (
                  <th key={heading} scope="col" className="govuk-table__header">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {listing.registrations.map((registration) => (
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
                  <td className="govuk-table__cell">
                    {registration.rating ? RATINGS.label(registration.rating) : 'Not inspected yet'}
                  </td>
                  <td className="govuk-table__cell">
                    {registration.inspectedOn ? formatCalendarDate(registration.inspectedOn) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
