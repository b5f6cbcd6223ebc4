import { formatMoney, FUNDING_TYPES, SERVICE_TYPES } from '@harbour/shared';
import { Link } from 'react-router';
import { formatDate } from '../../govuk/dates';
import type { ListingSummary } from './directoryApi';
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
  const facts: [string, string][] = [
    ['Type', SERVICE_TYPES.label(listing.type)],
    ['Ages', agesText(listing.minAge, listing.maxAge)],
  ];
  if (isDistanceShown && listing.distanceKm !== null)
    facts.push(['Distance', distanceText(listing.distanceKm)]);
  facts.push(
    ['Cost', listing.costFrom ? `From ${formatMoney(listing.costFrom)}` : 'Ask the provider'],
    [
      'Funding accepted',
      listing.funding.length > 0
        ? labelsText(listing.funding, FUNDING_TYPES.label)
        : 'Ask the provider',
    ],
    ['Registration', listing.registrationSummary.join(' ')],
    ['Last verified', formatDate(new Date(listing.lastVerifiedAt))],
  );

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
      <dl className="govuk-body-s harbour-result__facts">
        {facts.map(([term, detail]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
