import { insightsGraphQL } from '../modules/insights/insights.graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { accessGraphQL } from '../modules/access/access.graphql';
import { authorizeOperations } from '../modules/access/authorize';
import { accountsGraphQL } from '../modules/accounts/accounts.graphql';
import { bookingsGraphQL } from '../modules/bookings/bookings.graphql';
import { budgetsGraphQL } from '../modules/budgets/budgets.graphql';
import { paymentsGraphQL } from '../modules/payments/payments.graphql';
import { dataRightsGraphQL } from '../modules/data-rights/data-rights.graphql';
import { directoryGraphQL } from '../modules/directory/directory.graphql';
import { eligibilityGraphQL } from '../modules/eligibility/eligibility.graphql';
import { childProfileGraphQL } from '../modules/families/child-profile.graphql';
import { providerConsoleGraphQL } from '../modules/directory/provider-console.graphql';
import { familiesGraphQL } from '../modules/families/families.graphql';
import { feedbackGraphQL } from '../modules/feedback/feedback.graphql';
import { invitationsGraphQL } from '../modules/invitations/invitations.graphql';
import { organisationsGraphQL } from '../modules/organisations/organisations.graphql';
import { refuseMalformedIds } from './ids';
import type { GraphQLModule } from './module';
import { DateTime } from './scalars';

const base: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    scalar DateTime

    enum Currency {
      GBP
    }

    "An amount of money in whole pence."
    type Money {
      amountPence: Int!
      currency: Currency!
    }

    "A mistake in the input that the person can put right."
    type UserError {
      "Path to the input field, e.g. [\\"input\\", \\"comments\\"]; null when it is about the whole input."
      field: [String!]
      message: String!
      code: String!
    }

    type Query
    type Mutation
  `,
  resolvers: { DateTime },
};

/** Every capability's schema slice; add a module here to expose it. */
const modules: GraphQLModule[] = [
  base,
  insightsGraphQL,
  feedbackGraphQL,
  accountsGraphQL,
  organisationsGraphQL,
  familiesGraphQL,
  invitationsGraphQL,
  accessGraphQL,
  dataRightsGraphQL,
  directoryGraphQL,
  providerConsoleGraphQL,
  childProfileGraphQL,
  eligibilityGraphQL,
  bookingsGraphQL,
  budgetsGraphQL,
  paymentsGraphQL,
];

/**
 * The whole schema: every operation guarded by its rule in access/policy.ts, then every id
 * argument checked for shape, before any resolver runs.
 */
export function buildSchema() {
  return authorizeOperations(
    refuseMalformedIds(
      makeExecutableSchema({
        typeDefs: modules.map((module) => module.typeDefs),
        resolvers: modules.map((module) => module.resolvers),
      }),
    ),
  );
}
