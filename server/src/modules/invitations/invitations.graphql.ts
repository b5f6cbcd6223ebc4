import { signedIn, type GraphQLModule } from '../../graphql/module';

type Input<T> = { input: T };

export const invitationsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum InvitationKind {
      "A second parent carer joining a family."
      CARER
      "A young person of 16 or more taking over their own record."
      YOUNG_PERSON
      "Staff joining a provider organisation."
      STAFF
      "A commissioner joining a commissioning organisation."
      COMMISSIONER
    }

    type Invitation {
      kind: InvitationKind!
      email: String!
      inviterName: String!
      organisationName: String
      "COMMISSIONER invitations: the seed to add to an authenticator app before accepting."
      totpSecret: String
      totpUri: String
      expiresAt: DateTime!
    }

    type InvitationSent {
      kind: InvitationKind!
      email: String!
      expiresAt: DateTime!
    }

    input FamilyCarerInviteInput {
      email: String!
    }

    type FamilyCarerInvitePayload {
      userErrors: [UserError!]!
      invitation: InvitationSent
    }

    input ChildYoungPersonInviteInput {
      childId: ID!
      email: String!
    }

    type ChildYoungPersonInvitePayload {
      userErrors: [UserError!]!
      invitation: InvitationSent
    }

    input OrganisationMemberInviteInput {
      organisationId: ID!
      email: String!
    }

    type OrganisationMemberInvitePayload {
      userErrors: [UserError!]!
      invitation: InvitationSent
    }

    input InvitationAcceptInput {
      token: String!
      "For a new account."
      displayName: String
      "For a new account."
      password: String
      "COMMISSIONER invitations: a code from the authenticator app."
      totp: String
    }

    type InvitationAcceptPayload {
      userErrors: [UserError!]!
      account: Account
    }

    extend type Query {
      "An invitation, for whoever holds its emailed token; null when expired or used."
      invitation(token: String!): Invitation
    }

    extend type Mutation {
      familyCarerInvite(input: FamilyCarerInviteInput!): FamilyCarerInvitePayload!
      childYoungPersonInvite(input: ChildYoungPersonInviteInput!): ChildYoungPersonInvitePayload!
      organisationMemberInvite(
        input: OrganisationMemberInviteInput!
      ): OrganisationMemberInvitePayload!
      invitationAccept(input: InvitationAcceptInput!): InvitationAcceptPayload!
    }
  `,
  resolvers: {
    Query: {
      invitation: (_parent, args: { token: string }, { services }) =>
        services.invitations.describe(args.token),
    },
    Mutation: {
      familyCarerInvite: (_parent, { input }: Input<{ email: unknown }>, context) =>
        context.services.invitations.inviteCarer(signedIn(context), input),
      childYoungPersonInvite: (
        _parent,
        { input }: Input<{ childId: unknown; email: unknown }>,
        context,
      ) => context.services.invitations.inviteYoungPerson(signedIn(context), input),
      organisationMemberInvite: (
        _parent,
        { input }: Input<{ organisationId: unknown; email: unknown }>,
        context,
      ) => context.services.invitations.inviteMember(signedIn(context), input),
      invitationAccept: (_parent, { input }: Input<Record<string, unknown>>, { services, actor }) =>
        services.invitations.accept(actor, input),
    },
  },
};
