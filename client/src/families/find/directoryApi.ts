import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

/** What every list of services shows about one service at one location. */
export type ListingBasics = {
  id: string;
  name: string;
  providerName: string;
  type: string;
  minAge: number;
  maxAge: number;
  distanceKm: number | null;
  costFrom: Money | null;
};

/** What a search result card shows about one service at one location. */
export type ListingSummary = ListingBasics & {
  funding: string[];
  registrationSummary: string[];
  lastVerifiedAt: string;
};

/** The selection of ListingBasics. */
export const listingBasicsFields = /* GraphQL */ `
  id
  name
  providerName
  type
  minAge
  maxAge
  distanceKm
  costFrom {
    amountPence
    currency
  }
`;

export type MapMarker = {
  id: string;
  lat: number;
  lng: number;
  name: string;
  providerName: string;
};

export type SearchPlace = {
  postcode: string | null;
  town: string | null;
  district: string | null;
  lat: number;
  lng: number;
};

export type Bounds = { south: number; west: number; north: number; east: number };

/** DirectorySearchInput, as the API takes it. */
export type DirectorySearchInput = {
  text?: string;
  needs?: string[];
  age?: number;
  accessibilitySupport?: string[];
  features?: string[];
  types?: string[];
  funding?: string[];
  days?: string[];
  minimumRating?: string;
  registeredOnly?: boolean;
  /** Only services this child (of the signed-in family) is eligible for. */
  eligibleForChildId?: string;
  bounds?: Bounds;
  near?: { postcode: string; radiusKm?: number };
};

export type SearchPage = {
  userErrors: UserError[];
  place: SearchPlace | null;
  totalCount: number;
  listings: ListingSummary[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** Every result's position (up to 5,000); only asked for with the first page. */
  markers: MapMarker[] | null;
};

const directorySearchQuery = /* GraphQL */ `
  query DirectorySearch(
    $input: DirectorySearchInput!
    $first: Int
    $after: String
    $withMarkers: Boolean!
  ) {
    directorySearch(input: $input, first: $first, after: $after) {
      ${userErrorFields}
      place {
        postcode
        town
        district
        lat
        lng
      }
      results {
        totalCount
        edges {
          node {
            ${listingBasicsFields}
            funding
            registrationSummary
            lastVerifiedAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      markers @include(if: $withMarkers) {
        id
        lat
        lng
        name
        providerName
      }
    }
  }
`;

type DirectorySearchData = {
  directorySearch: {
    userErrors: UserError[];
    place: SearchPlace | null;
    results: {
      totalCount: number;
      edges: { node: ListingSummary }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } | null;
    markers?: MapMarker[] | null;
  };
};

const PAGE_SIZE = 20;

/** One page of results; the first page also brings every result's map position. */
export async function searchDirectory(
  input: DirectorySearchInput,
  after: string | null = null,
): Promise<SearchPage> {
  const { directorySearch } = await graphqlRequest<DirectorySearchData>(directorySearchQuery, {
    input,
    first: PAGE_SIZE,
    after,
    withMarkers: after === null,
  });
  const { userErrors, place, results, markers } = directorySearch;
  return {
    userErrors,
    place,
    totalCount: results?.totalCount ?? 0,
    listings: results?.edges.map((edge) => edge.node) ?? [],
    endCursor: results?.pageInfo.endCursor ?? null,
    hasNextPage: results?.pageInfo.hasNextPage ?? false,
    markers: markers ?? null,
  };
}
