import { signedIn, type GraphQLModule } from '../../graphql/module';
import { displayMobile } from './accounts.rules';
import type { AccountView } from './accounts.service';

export const accountsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum Role {
      FAMILY
      YOUNG_PERSON
      PROVIDER
      COMMISSIONER
      ADMIN
    }

    type Account {
      id: ID!
      email: String!
      displayName: String!
      role: Role!
      emailVerified: Boolean!
      "Whether an authenticator app is set up (required for commissioners and admins)."
      totpEnabled: Boolean!
      "FAMILY and YOUNG_PERSON accounts: their family."
      family: Family
      "PROVIDER and COMMISSIONER accounts: the organisations they belong to."
      organisations: [OrganisationMembership!]!
      "The UK mobile number texts go to, as people write it (07700 900982); only its owner sees it."
      mobile: String
    }

    input AccountMobileSetInput {
      "A UK mobile number, typed any usual way; empty to stop texts."
      mobile: String!
    }

    type AccountMobileSetPayload {
      userErrors: [UserError!]!
      account: Account
    }

    "A provider's account and its organisation, which an admin verifies before families see it."
    input AccountProviderSignUpInput {
      email: String!
      password: String!
      displayName: String!
      organisationName: String!
    }

    input AccountSignUpInput {
      email: String!
      password: String!
      displayName: String!
    }

    "Says the same whether or not the address already has an account; the email tells the person."
    type AccountSignUpPayload {
      userErrors: [UserError!]!
    }

    input AccountEmailVerifyInput {
      token: String!
    }

    type AccountEmailVerifyPayload {
      userErrors: [UserError!]!
      account: Account
    }

    input AccountSignInInput {
      email: String!
      password: String!
      "6-digit code from an authenticator app; required for COMMISSIONER and ADMIN."
      totp: String
    }

    type AccountSignInPayload {
      userErrors: [UserError!]!
      account: Account
      "For API clients: send as Authorization: Bearer <token>. Browsers get an httpOnly cookie."
      token: String
      expiresAt: DateTime
    }

    type AccountSignOutPayload {
      userErrors: [UserError!]!
    }

    type AccountSignOutEverywherePayload {
      userErrors: [UserError!]!
    }

    input AccountPasswordResetRequestInput {
      email: String!
    }

    type AccountPasswordResetRequestPayload {
      userErrors: [UserError!]!
    }

    input AccountPasswordResetInput {
      token: String!
      password: String!
    }

    type AccountPasswordResetPayload {
      userErrors: [UserError!]!
      account: Account
    }

    extend type Query {
      "The signed-in account, or null."
      viewer: Account
    }

    extend type Mutation {
      accountSignUp(input: AccountSignUpInput!): AccountSignUpPayload!
      accountProviderSignUp(input: AccountProviderSignUpInput!): AccountSignUpPayload!
      accountEmailVerify(input: AccountEmailVerifyInput!): AccountEmailVerifyPayload!
      accountSignIn(input: AccountSignInInput!): AccountSignInPayload!
      accountSignOut: AccountSignOutPayload!
      "Ends every session of this account, on every device."
      accountSignOutEverywhere: AccountSignOutEverywherePayload!
      accountPasswordResetRequest(
        input: AccountPasswordResetRequestInput!
      ): AccountPasswordResetRequestPayload!
      accountPasswordReset(input: AccountPasswordResetInput!): AccountPasswordResetPayload!
      "Family accounts: the mobile number that waiting-list offers and cancellations are texted to."
      accountMobileSet(input: AccountMobileSetInput!): AccountMobileSetPayload!
    }
  `,
  resolvers: {
    Query: {
      viewer: (_parent, _args, { services, actor }) => services.accounts.viewer(actor),
    },
    Account: {
      mobile: (account: AccountView, _args, { actor }) =>
        account.mobile && actor.kind === 'account' && actor.accountId === account.id
          ? displayMobile(account.mobile)
          : null,
      family: (account: AccountView, _args, context) =>
        account.familyId &&
        context.actor.kind === 'account' &&
        context.actor.accountId === account.id
          ? context.services.families.family(context.actor)
          : null,
      organisations: async (account: AccountView, _args, { services }) => {
        const memberships = await services.organisations.membershipsOf(account.id);
        const organisations = await services.organisations.byIds(
          memberships.map((m) => m.organisationId),
        );
        return memberships.flatMap((membership) => {
          const organisation = organisations.find((o) => o.id === membership.organisationId);
          return organisation ? [{ organisation, role: membership.role }] : [];
        });
      },
    },
    Mutation: {
      accountMobileSet: (_parent, { input }: { input: { mobile?: unknown } }, context) =>
        context.services.accounts.setMobile(signedIn(context), input),
      accountSignUp: (_parent, { input }: { input: unknown }, { services }) =>
        services.accounts.signUp(input),
      accountProviderSignUp: (_parent, { input }: { input: unknown }, { services }) =>
        services.accounts.signUpProvider(input),
      accountEmailVerify: (_parent, { input }: { input: { token: string } }, { services }) =>
        services.accounts.verifyEmail(input),
      accountSignIn: async (_parent, { input }: { input: unknown }, { services, http }) => {
        const result = await services.accounts.signIn(input, {
          address: http.clientAddress,
          userAgent: http.userAgent,
        });
        if (result.token && result.expiresAt) http.startSession(result.token, result.expiresAt);
        return result;
      },
      accountSignOut: async (_parent, _args, context) => {
        await context.services.accounts.signOut(signedIn(context));
        context.http.endSession();
        return { userErrors: [] };
      },
      accountSignOutEverywhere: async (_parent, _args, context) => {
        await context.services.accounts.signOutEverywhere(signedIn(context));
        context.http.endSession();
        return { userErrors: [] };
      },
      accountPasswordResetRequest: (
        _parent,
        { input }: { input: { email: unknown } },
        { services, http },
      ) => services.accounts.requestPasswordReset(input, { address: http.clientAddress }),
      accountPasswordReset: (
        _parent,
        { input }: { input: { token: unknown; password: unknown } },
        { services },
      ) => services.accounts.resetPassword(input),
    },
  },
};
