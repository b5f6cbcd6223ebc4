import { makeExecutableSchema } from '@graphql-tools/schema';
import { feedbackGraphQL } from '../modules/feedback/feedback.graphql';
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
const modules: GraphQLModule[] = [base, feedbackGraphQL];

export function buildSchema() {
  return makeExecutableSchema({
    typeDefs: modules.map((module) => module.typeDefs),
    resolvers: modules.map((module) => module.resolvers),
  });
}
