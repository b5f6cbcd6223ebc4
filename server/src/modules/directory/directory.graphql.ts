import type { GraphQLModule } from '../../graphql/module';
import { complianceFlagsVisible } from '../access/policy';
import { encodeCursor } from './directory-search';
import type { Listing } from './listing';
import type { SearchHit } from './search.rules';

/** The filters a search's few-results count keeps (insights: never who searched). */
type SearchFilters = {
  districts?: string[] | null;
  needs?: string[] | null;
  age?: number | null;
  types?: string[] | null;
};

type Hit = SearchHit;

export const directoryGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum ServiceType {
      DAY_CARE
      OVERNIGHT_SHORT_BREAK
      HOLIDAY_SCHEME
      AFTER_SCHOOL_CLUB
      WEEKEND_CLUB
      SITTING_BEFRIENDING
      INCLUSIVE_ACTIVITY
      HOME_SUPPORT
    }

    enum Weekday {
      MON
      TUE
      WED
      THU
      FRI
      SAT
      SUN
    }

    enum Regulator {
      OFSTED
      CQC
    }

    enum ContinuesPast18 {
      YES
      NO
      NOT_APPLICABLE
    }

    enum MinimumRating {
      OUTSTANDING
      GOOD
      REQUIRES_IMPROVEMENT
      INADEQUATE
    }

    type Registration {
      regulator: Regulator!
      identifier: String!
      registrationType: String!
      status: String!
      minAge: Int
      maxAge: Int
      "As published, e.g. GOOD; never merged across regulators."
      rating: String
      inspectedOn: String
    }

    type ComplianceFlag {
      code: String!
      message: String!
    }

    "A support ratio offered from a date, such as 1:1 support from September."
    type UpcomingRatio {
      ratio: String!
      "YYYY-MM-DD."
      from: String!
    }

    type CostOption {
      label: String!
      amount: Money!
      "SESSION, HOUR, DAY or NIGHT."
      unit: String!
    }

    type Address {
      line: String!
      town: String!
      postcode: String!
      district: String!
    }

    type Contact {
      phone: String
      email: String
      website: String
    }

    "One service at one of its locations."
    type ServiceListing {
      id: ID!
      serviceId: ID!
      organisationId: ID!
      name: String!
      providerName: String!
      description: String!
      type: ServiceType!
      "Need codes (see the needs vocabulary)."
      needs: [String!]!
      minAge: Int!
      maxAge: Int!
      "OpenActive accessibility support concept ids."
      accessibilitySupport: [String!]!
      "Location features: STEP_FREE, CHANGING_PLACES, QUIET_SPACE, HOIST, …"
      features: [String!]!
      ratios: [String!]!
      "Support ratios the provider will offer from a date (YYYY-MM-DD)."
      upcomingRatios: [UpcomingRatio!]!
      skills: [String!]!
      funding: [String!]!
      days: [Weekday!]!
      "HH:MM, Europe/London."
      startTime: String
      endTime: String
      scheduleSummary: String!
      costOptions: [CostOption!]!
      costFrom: Money
      address: Address!
      lat: Float!
      lng: Float!
      "From the searched place, when there is one."
      distanceKm: Float
      contact: Contact!
      registrations: [Registration!]!
      "Plain-English registration summary for families."
      registrationSummary: [String!]!
      registered: Boolean!
      continuesPast18: ContinuesPast18!
      "Inadequate or lapsed: left out of family searches by default."
      hiddenFromFamilies: Boolean!
      "For commissioners, admins and the provider itself; null for others."
      complianceFlags: [ComplianceFlag!]
      lastVerifiedAt: DateTime!
    }

    type ServiceListingEdge {
      cursor: String!
      node: ServiceListing!
    }

    type PageInfo {
      hasNextPage: Boolean!
      endCursor: String
    }

    type FacetCount {
      value: String!
      count: Int!
    }

    type DirectoryFacets {
      needs: [FacetCount!]!
      types: [FacetCount!]!
      funding: [FacetCount!]!
      districts: [FacetCount!]!
      accessibilitySupport: [FacetCount!]!
      features: [FacetCount!]!
      days: [FacetCount!]!
    }

    type ServiceListingConnection {
      totalCount: Int!
      edges: [ServiceListingEdge!]!
      pageInfo: PageInfo!
      facets: DirectoryFacets!
    }

    "A result's position for the map."
    type MapMarker {
      id: ID!
      lat: Float!
      lng: Float!
      name: String!
      providerName: String!
    }

    type SearchPlace {
      postcode: String
      town: String
      district: String
      lat: Float!
      lng: Float!
    }

    input BoundsInput {
      south: Float!
      west: Float!
      north: Float!
      east: Float!
    }

    input NearInput {
      "A postcode or postcode district in Devon, Plymouth or Torbay, e.g. EX39 or EX39 1AA."
      postcode: String
      lat: Float
      lng: Float
      "At most 100."
      radiusKm: Float
    }

    input DirectorySearchInput {
      text: String
      "All of these need codes."
      needs: [String!]
      "The child's age."
      age: Int
      accessibilitySupport: [String!]
      features: [String!]
      types: [ServiceType!]
      funding: [String!]
      days: [Weekday!]
      "HH:MM: running at some time between fromTime and toTime."
      fromTime: String
      toTime: String
      districts: [String!]
      minimumRating: MinimumRating
      registeredOnly: Boolean
      "Commissioners and admins: include Inadequate and lapsed services."
      includeHidden: Boolean
      bounds: BoundsInput
      near: NearInput
    }

    type DirectorySearchPayload {
      userErrors: [UserError!]!
      results: ServiceListingConnection
      "The place searched near, when a postcode or point was given."
      place: SearchPlace
      "Every result's position (up to 5,000), for the map."
      markers: [MapMarker!]
    }

    extend type Query {
      "Find short breaks and activities. At most 100 results a page."
      directorySearch(
        input: DirectorySearchInput!
        first: Int = 20
        after: String
      ): DirectorySearchPayload!
      serviceListing(id: ID!): ServiceListing
    }
  `,
  resolvers: {
    ServiceListing: {
      name: (listing: Listing) => listing.serviceName,
      startTime: (listing: Listing) => clock(listing.startMinutes),
      endTime: (listing: Listing) => clock(listing.endMinutes),
      costOptions: (listing: Listing) =>
        listing.costOptions.map((option) => ({
          ...option,
          amount: { amountPence: option.amountPence, currency: 'GBP' },
        })),
      costFrom: (listing: Listing) =>
        listing.costFromPence == null
          ? null
          : { amountPence: listing.costFromPence, currency: 'GBP' },
      address: (listing: Listing) => ({
        line: listing.addressLine,
        town: listing.town,
        postcode: listing.postcode,
        district: listing.district,
      }),
      contact: (listing: Listing) => ({
        phone: listing.phone,
        email: listing.email,
        website: listing.website,
      }),
      registrationSummary: (listing: Listing) => listing.compliance.summary,
      registered: (listing: Listing) => listing.compliance.registered,
      continuesPast18: (listing: Listing) => listing.compliance.continuesPast18,
      hiddenFromFamilies: (listing: Listing) => listing.compliance.hiddenFromFamilies,
      complianceFlags: (listing: Listing, _args, context) =>
        complianceFlagsVisible(context.actor, listing.organisationId)
          ? listing.compliance.flags
          : null,
      upcomingRatios: (listing: Listing) => listing.upcomingRatios ?? [],
      distanceKm: (listing: Listing & { distanceKm?: number | null }) =>
        listing.distanceKm == null ? null : Math.round(listing.distanceKm * 10) / 10,
    },
    Query: {
      directorySearch: async (
        _parent,
        args: { input: unknown; first?: number | null; after?: string | null },
        context,
      ) => {
        // The eligibility service narrows the search when a child is named.
        const outcome = await context.services.eligibility.searchDirectory(
          context.actor,
          args.input,
          args,
          context,
        );
        if (!outcome.result)
          return { userErrors: outcome.userErrors, results: null, place: null, markers: null };
        const { result } = outcome;
        if (!args.after) {
          const search = (args.input ?? {}) as SearchFilters;
          await context.services.insights.recordSearch({
            district: outcome.place?.district ?? search.districts?.[0],
            need: search.needs?.[0],
            age: search.age,
            serviceType: search.types?.[0],
            results: result.total,
          });
        }
        const withDistance = (hit: Hit) => ({ ...hit.listing, distanceKm: hit.distanceKm });
        const last = result.offset + result.hits.length - 1;
        return {
          userErrors: [],
          place: outcome.place,
          results: {
            totalCount: result.total,
            edges: result.hits.map((hit, i) => ({
              cursor: encodeCursor(result.offset + i),
              node: withDistance(hit),
            })),
            pageInfo: {
              hasNextPage: last + 1 < result.total,
              endCursor: result.hits.length ? encodeCursor(last) : null,
            },
            facets: result.facets,
          },
          markers: outcome.markers.map(({ listing }) => ({
            id: listing.id,
            lat: listing.lat,
            lng: listing.lng,
            name: listing.serviceName,
            providerName: listing.providerName,
          })),
        };
      },
      serviceListing: (_parent, args: { id: string }, { services }) =>
        services.directory.listingById(args.id),
    },
  },
};

function clock(minutes: number | null): string | null {
  if (minutes == null) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
