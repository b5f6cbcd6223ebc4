import { formatMoney, FUNDING_TYPES, SERVICE_TYPES } from '@harbour/shared';
import { Link } from 'react-router';
import { formatDate } from '../../govuk/dates';
import type { ListingBasics, ListingSummary } from './directoryApi';
import { agesText, distanceText, labelsText, servicePath, type FromSearch } from './listingText';

type ResultCardProps = {
  listing: ListingSummary;
  /** Shown when the search was near a place; distances from the middle of a map mean little. */
  isDistanceShown: boolean;
  isSelected: boolean;
  fromSearch: Omit<FromSearch, 'distanceKm'>;
};

export function resultId(listingId: string) {
  return `result-${listingId}`;
}

export function resultLinkId(listingId: string) {
  return `result-link-${listingId}`;
}

export function ResultCard({ listing, isDistanceShown, isSelected, fromSearch }: ResultCardProps) {
  const facts: Fact[] = [
    ...basicFacts(listing, { isDistanceShown }),
    [
      'Funding accepted',
      listing.funding.length > 0
        ? labelsText(listing.funding, FUNDING_TYPES.label)
        : 'Ask the provider',
    ],
    ['Registration', listing.registrationSummary.join(' ')],
    ['Last verified', formatDate(new Date(listing.lastVerifiedAt))],
  ];

  return (
    <li
      id={resultId(listing.id)}
      className={`harbour-result${isSelected ? ' harbour-result--selected' : ''}`}
    >
      {isSelected && (
        <strong className="govuk-tag govuk-!-margin-bottom-2 harbour-result__tag">
          Selected on the map
        </strong>
      )}
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link
          id={resultLinkId(listing.id)}
          to={servicePath(listing.id)}
          state={{ ...fromSearch, distanceKm: isDistanceShown ? listing.distanceKm : null }}
          className="govuk-link"
        >
          {listing.name}
        </Link>
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">{listing.providerName}</p>
      <ResultFacts facts={facts} />
    </li>
  );
}

type Fact = readonly [term: string, detail: string];

/** What every list of services says of one: its type, ages, distance (where known) and cost. */
export function basicFacts(
  listing: ListingBasics,
  { isDistanceShown }: { isDistanceShown: boolean },
): Fact[] {
  return [
    ['Type', SERVICE_TYPES.label(listing.type)],
    ['Ages', agesText(listing.minAge, listing.maxAge)],
    ...(isDistanceShown && listing.distanceKm !== null
      ? [['Distance', distanceText(listing.distanceKm)] as const]
      : []),
    ['Cost', listing.costFrom ? `From ${formatMoney(listing.costFrom)}` : 'Ask the provider'],
  ];
}

/** A result's facts, each term beside its detail. */
export function ResultFacts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="govuk-body-s harbour-result__facts">
      {facts.map(([term, detail]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
