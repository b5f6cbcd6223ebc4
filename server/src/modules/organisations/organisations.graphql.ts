import { signedIn, type GraphQLModule } from '../../graphql/module';

export const organisationsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum OrganisationKind {
      PROVIDER
      COMMISSIONER
    }

    enum VerificationStatus {
      UNVERIFIED
      VERIFIED
      REJECTED
    }

    enum MembershipRole {
      OWNER
      STAFF
      MEMBER
    }

    "A provider of short breaks or activities, or a commissioning body (a council, an NHS body)."
    type Organisation {
      id: ID!
      name: String!
      kind: OrganisationKind!
      verificationStatus: VerificationStatus!
      "Whether it may publish services: providers, once an admin has verified them."
      canPublish: Boolean!
    }

    type OrganisationMembership {
      organisation: Organisation!
      role: MembershipRole!
    }

    input OrganisationCreateInput {
      name: String!
      kind: OrganisationKind!
    }

    type OrganisationCreatePayload {
      userErrors: [UserError!]!
      organisation: Organisation
    }

    enum VerificationDecision {
      VERIFIED
      REJECTED
    }

    input OrganisationVerifyInput {
      organisationId: ID!
      decision: VerificationDecision!
    }

    type OrganisationVerifyPayload {
      userErrors: [UserError!]!
      organisation: Organisation
    }

    extend type Query {
      organisation(id: ID!): Organisation
      "Organisations, for admins, optionally those waiting for verification."
      organisations(verificationStatus: VerificationStatus): [Organisation!]!
    }

    extend type Mutation {
      organisationCreate(input: OrganisationCreateInput!): OrganisationCreatePayload!
      organisationVerify(input: OrganisationVerifyInput!): OrganisationVerifyPayload!
    }
  `,
  resolvers: {
    Query: {
      organisation: (_parent, args: { id: string }, context) =>
        context.services.organisations.get(signedIn(context), args.id),
      organisations: (_parent, args: { verificationStatus?: string | null }, { services }) =>
        services.organisations.list(args),
    },
    Mutation: {
      organisationCreate: (_parent, { input }: { input: unknown }, context) =>
        context.services.organisations.create(signedIn(context), input),
      organisationVerify: (
        _parent,
        { input }: { input: { organisationId: unknown; decision: unknown } },
        context,
      ) => context.services.organisations.verify(signedIn(context), input),
    },
  },
};
