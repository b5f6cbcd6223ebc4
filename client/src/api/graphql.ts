/** The API could not answer: the network failed, the server erred, or the reply held errors. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
}

type GraphQLResponse<Data> = {
  data?: Data | null;
  errors?: readonly { message: string }[];
};

/**
 * Sends one operation to Harbour's GraphQL API. Mistakes a person can fix come back as
 * `userErrors` inside `data`; anything in `errors` is the service's fault and is thrown.
 */
export async function graphqlRequest<Data>(
  query: string,
  variables: Record<string, unknown>,
): Promise<Data> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // Apollo Server's CSRF prevention refuses "simple" requests that lack this header.
        'apollo-require-preflight': 'true',
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (cause) {
    throw new GraphQLRequestError('Could not reach the Harbour API', { cause });
  }

  const body = (await response.json().catch(() => null)) as GraphQLResponse<Data> | null;
  if (!response.ok || !body?.data || body.errors?.length) {
    throw new GraphQLRequestError(`GraphQL request failed with HTTP ${response.status}`, {
      cause: body?.errors,
    });
  }
  return body.data;
}
