import { signedIn, type GraphQLModule } from '../../graphql/module';

type Input = { input: Record<string, unknown> };
const money = (options: { label: string; amountPence: number; unit: string }[] = []) =>
  options.map((option) => ({
    ...option,
    amount: { amountPence: option.amountPence, currency: 'GBP' },
  }));
const id = (value: unknown) => String(value);

export const providerConsoleGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    type ProviderProfile {
      description: String
      website: String
      email: String
      phone: String
      registrations: [Registration!]!
      lastVerifiedAt: DateTime
    }

    type ProviderLocation {
      id: ID!
      name: String!
      addressLine: String
      town: String
      postcode: String!
      district: String
      lat: Float!
      lng: Float!
      features: [String!]!
      registrations: [Registration!]!
      lastVerifiedAt: DateTime!
    }

    input UpcomingRatioInput {
      "GROUP, ONE_TO_ONE or TWO_TO_ONE."
      ratio: String!
      "YYYY-MM-DD, the first day it is offered."
      from: String!
    }

    type ProviderService {
      id: ID!
      name: String!
      description: String
      type: ServiceType!
      needs: [String!]!
      minAge: Int!
      maxAge: Int!
      accessibilitySupport: [String!]!
      ratios: [String!]!
      upcomingRatios: [UpcomingRatio!]!
      skills: [String!]!
      costOptions: [CostOption!]!
      funding: [String!]!
      days: [Weekday!]!
      startTime: String
      endTime: String
      scheduleSummary: String
      "ACTIVE or WITHDRAWN."
      status: String!
      locationIds: [ID!]!
      "The published listings (one per location) while ACTIVE and verified."
      listingIds: [ID!]!
      lastVerifiedAt: DateTime!
    }

    type RegistrationChangeRequest {
      id: ID!
      organisationId: ID!
      locationId: ID
      registration: Registration!
      "PENDING, APPROVED or REJECTED."
      state: String!
      createdAt: DateTime!
    }

    "Everything a provider's console shows and edits."
    type ProviderConsole {
      organisation: Organisation!
      profile: ProviderProfile
      locations: [ProviderLocation!]!
      services: [ProviderService!]!
      pendingRegistrationChanges: [RegistrationChangeRequest!]!
    }

    input ProviderProfileUpdateInput {
      organisationId: ID!
      description: String
      website: String
      email: String
      phone: String
    }

    type ProviderProfileUpdatePayload {
      userErrors: [UserError!]!
    }

    input LocationSaveInput {
      organisationId: ID!
      "Leave out to add a new location."
      locationId: ID
      name: String!
      addressLine: String
      town: String
      postcode: String!
      "The pin on the map; without one, the postcode district's centre is used."
      lat: Float
      lng: Float
      features: [String!]
    }

    type LocationSavePayload {
      userErrors: [UserError!]!
      locationId: ID
    }

    input CostOptionInput {
      label: String!
      amountPence: Int!
      unit: String!
    }

    input ServiceSaveInput {
      organisationId: ID!
      "Leave out to add a new service."
      serviceId: ID
      locationIds: [ID!]!
      name: String!
      description: String
      type: ServiceType!
      needs: [String!]
      minAge: Int!
      maxAge: Int!
      accessibilitySupport: [String!]
      ratios: [String!]
      "Ratios the service will offer from a date, such as 1:1 support from September."
      upcomingRatios: [UpcomingRatioInput!]
      skills: [String!]
      costOptions: [CostOptionInput!]
      funding: [String!]
      days: [Weekday!]
      startTime: String
      endTime: String
      scheduleSummary: String
      "ACTIVE (default) or WITHDRAWN."
      status: String
    }

    type ServiceSavePayload {
      userErrors: [UserError!]!
      serviceId: ID
    }

    input ProviderDetailsConfirmInput {
      organisationId: ID!
    }

    type ProviderDetailsConfirmPayload {
      userErrors: [UserError!]!
      lastVerifiedAt: DateTime
    }

    input RegistrationChangeRequestInput {
      organisationId: ID!
      "For a registration of one location; leave out for the provider's own."
      locationId: ID
      regulator: Regulator!
      identifier: String!
      registrationType: String!
      status: String!
      rating: String
      inspectedOn: String
    }

    type RegistrationChangeRequestPayload {
      userErrors: [UserError!]!
      requestId: ID
    }

    enum RegistrationChangeDecision {
      APPROVED
      REJECTED
    }

    input RegistrationChangeReviewInput {
      requestId: ID!
      decision: RegistrationChangeDecision!
      note: String
    }

    type RegistrationChangeReviewPayload {
      userErrors: [UserError!]!
    }

    extend type Query {
      providerConsole(organisationId: ID!): ProviderConsole
      "Registration changes waiting for an admin."
      registrationChangeRequests: [RegistrationChangeRequest!]!
    }

    extend type Mutation {
      providerProfileUpdate(input: ProviderProfileUpdateInput!): ProviderProfileUpdatePayload!
      locationSave(input: LocationSaveInput!): LocationSavePayload!
      serviceSave(input: ServiceSaveInput!): ServiceSavePayload!
      "Confirms the provider's details are still right, refreshing 'last verified'."
      providerDetailsConfirm(input: ProviderDetailsConfirmInput!): ProviderDetailsConfirmPayload!
      "Registration changes wait for an admin to check them against the regulator's register."
      registrationChangeRequest(
        input: RegistrationChangeRequestInput!
      ): RegistrationChangeRequestPayload!
      registrationChangeReview(
        input: RegistrationChangeReviewInput!
      ): RegistrationChangeReviewPayload!
    }
  `,
  resolvers: {
    ProviderLocation: { id: (location: { _id: unknown }) => id(location._id) },
    ProviderService: {
      id: (service: { _id: unknown }) => id(service._id),
      locationIds: (service: { locations: unknown[] }) => service.locations.map(id),
      upcomingRatios: (service: { upcomingRatios?: unknown[] }) => service.upcomingRatios ?? [],
      costOptions: (service: {
        costOptions?: { label: string; amountPence: number; unit: string }[];
      }) => money(service.costOptions),
    },
    RegistrationChangeRequest: {
      id: (request: { _id: unknown }) => id(request._id),
      organisationId: (request: { organisation: unknown }) => id(request.organisation),
      locationId: (request: { location?: unknown }) =>
        request.location ? id(request.location) : null,
    },
    Query: {
      providerConsole: (_parent, args: { organisationId: string }, context) =>
        context.services.providerConsole.console(signedIn(context), args.organisationId),
      registrationChangeRequests: (_parent, _args, { services }) =>
        services.providerConsole.pendingRegistrationChanges(),
    },
    Mutation: {
      providerProfileUpdate: (_parent, { input }: Input, context) =>
        context.services.providerConsole.updateProfile(signedIn(context), input),
      locationSave: (_parent, { input }: Input, context) =>
        context.services.providerConsole.saveLocation(signedIn(context), input),
      serviceSave: (_parent, { input }: Input, context) =>
        context.services.providerConsole.saveService(signedIn(context), input),
      providerDetailsConfirm: (_parent, { input }: Input, context) =>
        context.services.providerConsole.confirmDetails(signedIn(context), input),
      registrationChangeRequest: (_parent, { input }: Input, context) =>
        context.services.providerConsole.requestRegistrationChange(signedIn(context), input),
      registrationChangeReview: (_parent, { input }: Input, context) =>
        context.services.providerConsole.reviewRegistrationChange(signedIn(context), input),
    },
  },
};
