import type { FeedbackInput, FeedbackRating } from '@harbour/shared';
import { GraphQLRequestError, graphqlRequest } from '../api/graphql';
import { userErrorFields } from '../api/userErrors';
import { feedbackFieldAt, type FeedbackError } from './feedback';

const feedbackSubmitMutation = /* GraphQL */ `
  mutation FeedbackSubmit($input: FeedbackSubmitInput!) {
    feedbackSubmit(input: $input) {
      ${userErrorFields}
      feedback {
        id
        rating
      }
    }
  }
`;

type FeedbackSubmitData = {
  feedbackSubmit: {
    userErrors: { field: string[] | null; message: string; code: string }[];
    feedback: { id: string; rating: FeedbackRating } | null;
  };
};

/**
 * Sends feedback and returns the mistakes the API found; an empty list means it was saved.
 * Throws `GraphQLRequestError` when the service cannot take it.
 */
export async function submitFeedback(input: FeedbackInput): Promise<FeedbackError[]> {
  const { feedbackSubmit } = await graphqlRequest<FeedbackSubmitData>(feedbackSubmitMutation, {
    input,
  });
  const { userErrors, feedback } = feedbackSubmit;
  if (userErrors.length === 0 && !feedback) {
    throw new GraphQLRequestError('feedbackSubmit returned neither feedback nor userErrors');
  }
  return userErrors.map(({ field, message }) => ({ field: feedbackFieldAt(field), message }));
}
