import type { GraphQLModule } from '../../graphql/module';

export const feedbackGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    "The GOV.UK satisfaction scale."
    enum FeedbackRating {
      VERY_SATISFIED
      SATISFIED
      NEITHER
      DISSATISFIED
      VERY_DISSATISFIED
    }

    "What someone told us about the service through the feedback link."
    type Feedback {
      id: ID!
      rating: FeedbackRating!
      createdAt: DateTime!
    }

    type FeedbackRatingCount {
      rating: FeedbackRating!
      count: Int!
    }

    "User satisfaction, as GOV.UK services publish it."
    type FeedbackSummary {
      total: Int!
      "Satisfied or very satisfied, as a whole percentage; null before anyone has answered."
      satisfiedPercent: Int
      ratings: [FeedbackRatingCount!]!
    }

    input FeedbackSubmitInput {
      rating: FeedbackRating!
      "How we could improve; no personal or financial information, please."
      comments: String
      "The path of the page the person came from."
      page: String
    }

    type FeedbackSubmitPayload {
      userErrors: [UserError!]!
      feedback: Feedback
    }

    extend type Query {
      feedbackSummary: FeedbackSummary!
    }

    extend type Mutation {
      feedbackSubmit(input: FeedbackSubmitInput!): FeedbackSubmitPayload!
    }
  `,
  resolvers: {
    Query: {
      feedbackSummary: (_parent, _args, { services }) => services.feedback.summary(),
    },
    Mutation: {
      feedbackSubmit: (_parent, { input }: { input: unknown }, { services }) =>
        services.feedback.submit(input),
    },
  },
};
