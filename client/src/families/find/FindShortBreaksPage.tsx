import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorSummary } from '../../govuk/ErrorSummary';
import { focusNonInteractive } from '../../shell/focus';
import { usePageTitle } from '../../shell/usePageTitle';
import { useViewer } from '../../account/ViewerProvider';
import { isFamilyRole } from '../../account/viewer';
import type { Bounds, SearchPlace } from './directoryApi';
import { servicePath, type FromSearch } from './listingText';
import { ResultCard, resultId, resultLinkId } from './ResultCard';
import { SearchForm } from './SearchForm';
import {
  criteriaFromQuery,
  DISTANCE_OPTIONS,
  emptyCriteria,
  isSearch,
  queryFromCriteria,
  type SearchCriteria,
} from './searchCriteria';
import { useDirectorySearch, type SearchState } from './useDirectorySearch';

import './find.scss';

type ReadyState = Extract<SearchState, { status: 'ready' }>;

// Leaflet is loaded only when a map is shown, so the rest of Harbour does not wait for it.
const ResultsMap = lazy(() =>
  import('./ResultsMap').then((module) => ({ default: module.ResultsMap })),
);

const MAP_DESCRIPTION_ID = 'results-map-description';

export function FindShortBreaksPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const viewerState = useViewer();
  const familyChildren = useMemo(
    () =>
      viewerState.viewer && isFamilyRole(viewerState.viewer.role)
        ? (viewerState.viewer.family?.children ?? [])
        : [],
    [viewerState.viewer],
  );
  const inAddress = useMemo(() => {
    const query = new URLSearchParams(location.search);
    return isSearch(query) ? criteriaFromQuery(query) : null;
  }, [location.search]);
  // Only a search for what one of the viewer's children is eligible for depends on who the
  // viewer is: it waits until that is known, and a link naming a child who is not theirs (or
  // opened signed out) searches everything instead.
  const eligibleChild = familyChildren.find((child) => child.id === inAddress?.eligibleFor) ?? null;
  const childFilter = !inAddress?.eligibleFor
    ? 'none'
    : viewerState.status === 'loading'
      ? 'waiting'
      : eligibleChild
        ? 'own-child'
        : 'not-own-child';
  const criteria = useMemo(
    () =>
      inAddress && childFilter === 'not-own-child' ? { ...inAddress, eligibleFor: '' } : inAddress,
    [inAddress, childFilter],
  );
  const eligibleChildName = childFilter === 'own-child' ? (eligibleChild?.firstName ?? null) : null;
  const { state, loadMore } = useDirectorySearch(criteria, {
    isWaiting: childFilter === 'waiting',
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isMapShown, setIsMapShown] = useState(true);
  const [focusedResultId, setFocusedResultId] = useState<string | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // Set when the person searches from this page, so focus follows them to the results.
  const isFocusWanted = useRef(false);

  const errors = state.status === 'invalid' ? state.errors : [];
  usePageTitle('Find short breaks and activities', {
    hasErrors: errors.length > 0 || state.status === 'failed',
  });

  // Runs for each navigation too, so searching again for the same thing still moves focus.
  useEffect(() => {
    if (state.status !== 'ready' || !isFocusWanted.current || !resultsHeading.current) return;
    isFocusWanted.current = false;
    focusNonInteractive(resultsHeading.current);
  }, [state, location.key]);

  // After "Show more results", focus goes to the first new result once it is on the page.
  useEffect(() => {
    if (focusedResultId) document.getElementById(resultLinkId(focusedResultId))?.focus();
  }, [focusedResultId]);

  useEffect(() => {
    if (selectedId)
      document.getElementById(resultId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  function search(next: SearchCriteria) {
    isFocusWanted.current = true;
    setSelectedId(null);
    navigate({ search: queryFromCriteria(next) });
  }

  const ready = state.status === 'ready' ? state : null;
  const fromSearch = {
    searchPath: `${location.pathname}${location.search}`,
    placeName: placeName(ready?.first.place ?? null),
  };

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {state.status === 'failed' && (
            <ErrorSummary
              key={location.key}
              title="Sorry, there is a problem with the service"
              description="Try again later. Harbour could not search for short breaks."
            />
          )}
          {errors.length > 0 && (
            <ErrorSummary
              key={location.key}
              errors={errors.map(({ field, message }) => ({
                message,
                fieldId: field ?? undefined,
              }))}
            />
          )}
          <h1 className="govuk-heading-xl">Find short breaks and activities</h1>
          <p className="govuk-body-l">
            Search for short breaks, clubs and activities for disabled children and young people in
            Devon, Plymouth and Torbay.
          </p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SearchForm
            // Given the search again once it is known whose child the address names.
            key={`${location.key}:${childFilter}`}
            initial={criteria ?? emptyCriteria()}
            errors={errors}
            onSearch={search}
            familyChildren={familyChildren}
          />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {state.status === 'idle' && (
            <p className="govuk-body">
              Enter a postcode or town to see short breaks near you, or search with no place to see
              everything in Devon. You can then filter the results by your child’s needs.
            </p>
          )}
          {state.status === 'loading' && (
            <p className="govuk-body" role="status">
              Searching…
            </p>
          )}
          {ready && (
            <h2 ref={resultsHeading} id="results-heading" className="govuk-heading-m">
              {resultsHeadingText(
                ready.first.totalCount,
                ready.first.place,
                criteria?.area ?? null,
                eligibleChildName,
              )}
            </h2>
          )}
          {ready?.first.totalCount === 0 && criteria && (
            <EmptyResults criteria={criteria} eligibleChildName={eligibleChildName} />
          )}
          {criteria && (state.status === 'loading' || ready) && (
            <MapPanel isShown={isMapShown} onToggle={() => setIsMapShown(!isMapShown)}>
              <ResultsMap
                markers={ready ? (ready.first.markers ?? []) : null}
                place={ready?.first.place ?? null}
                area={criteria.area}
                descriptionId={MAP_DESCRIPTION_ID}
                onSearchArea={(area) => search({ ...criteria, area })}
                onSelect={setSelectedId}
                onOpenService={(id) => {
                  const listing = ready?.listings.find((candidate) => candidate.id === id);
                  const distanceKm = ready?.first.place ? (listing?.distanceKm ?? null) : null;
                  navigate(servicePath(id), { state: { ...fromSearch, distanceKm } });
                }}
              />
            </MapPanel>
          )}
          {ready && ready.first.totalCount > 0 && (
            <ResultsList
              results={ready}
              fromSearch={fromSearch}
              selectedId={selectedId}
              onLoadMore={async () => {
                const firstNew = await loadMore();
                if (firstNew) setFocusedResultId(firstNew.id);
              }}
            />
          )}
        </div>
      </div>
    </>
  );
}

function placeName(place: SearchPlace | null): string | null {
  if (!place?.postcode) return null;
  return place.town ? `${place.postcode} (${place.town})` : place.postcode;
}

function resultsHeadingText(
  count: number,
  place: SearchPlace | null,
  area: Bounds | null,
  eligibleChildName: string | null,
) {
  const counted =
    count === 0
      ? 'No results'
      : count === 1
        ? '1 result'
        : `${count.toLocaleString('en-GB')} results`;
  const results = eligibleChildName ? `${counted} ${eligibleChildName} is eligible for` : counted;
  if (area) return `${results} in the area shown on the map`;
  const name = placeName(place);
  return name ? `${results} near ${name}` : `${results} in Devon, Plymouth and Torbay`;
}

type ResultsListProps = {
  results: ReadyState;
  fromSearch: Omit<FromSearch, 'distanceKm'>;
  selectedId: string | null;
  onLoadMore: () => void;
};

function ResultsList({ results, fromSearch, selectedId, onLoadMore }: ResultsListProps) {
  const { first, listings } = results;
  return (
    <>
      <ol className="govuk-list harbour-results" aria-labelledby="results-heading">
        {listings.map((listing) => (
          <ResultCard
            key={listing.id}
            listing={listing}
            isDistanceShown={first.place !== null}
            isSelected={listing.id === selectedId}
            fromSearch={fromSearch}
          />
        ))}
      </ol>
      <p className="govuk-body" aria-live="polite">
        Showing {listings.length.toLocaleString('en-GB')} of{' '}
        {first.totalCount.toLocaleString('en-GB')} results
      </p>
      {results.hasMoreFailed && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> Sorry, more results could not be
          shown. Try again.
        </p>
      )}
      {results.hasNextPage && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={results.isLoadingMore}
          onClick={onLoadMore}
        >
          Show more results
        </button>
      )}
    </>
  );
}

type EmptyResultsProps = {
  criteria: SearchCriteria;
  /** The child whose eligibility narrowed the search, if it was narrowed. */
  eligibleChildName: string | null;
};

function EmptyResults({ criteria, eligibleChildName }: EmptyResultsProps) {
  const wider = DISTANCE_OPTIONS.find((option) => Number(option.value) > Number(criteria.radiusKm));
  return (
    <>
      <p className="govuk-body">Improve your results by:</p>
      <ul className="govuk-list govuk-list--bullet">
        {eligibleChildName && (
          <li>
            including services {eligibleChildName} may not be eligible for:{' '}
            <Link
              className="govuk-link"
              to={{ search: queryFromCriteria({ ...criteria, eligibleFor: '' }) }}
            >
              show every service
            </Link>
          </li>
        )}
        {criteria.area ? (
          <li>moving the map out and searching that area</li>
        ) : (
          criteria.place &&
          wider && (
            <li>
              searching further away:{' '}
              <Link
                className="govuk-link"
                to={{ search: queryFromCriteria({ ...criteria, radiusKm: wider.value }) }}
              >
                search within {wider.value} km
              </Link>
            </li>
          )
        )}
        <li>removing some filters</li>
        <li>checking the spelling of any keywords</li>
      </ul>
    </>
  );
}

function MapPanel({
  isShown,
  onToggle,
  children,
}: {
  isShown: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <div>
      <p id={MAP_DESCRIPTION_ID} className="govuk-body-s">
        The map shows where these services are. The same results are listed below it.
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-3"
        aria-expanded={isShown}
        aria-controls="results-map-area"
        onClick={onToggle}
      >
        {isShown ? 'Hide map' : 'Show map'}
      </button>
      <div id="results-map-area">
        {isShown && (
          <MapBoundary>
            <Suspense fallback={<div className="harbour-map" />}>{children}</Suspense>
          </MapBoundary>
        )}
      </div>
    </div>
  );
}

/** The map is an enhancement: if it fails, say so and keep the list. */
class MapBoundary extends Component<{ children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override render() {
    return this.state.hasFailed ? (
      <p className="govuk-body">The map cannot be shown just now. The results are listed below.</p>
    ) : (
      this.props.children
    );
  }
}
