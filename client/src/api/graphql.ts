/** The API could not answer: the network failed, the server erred, or the reply held errors. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  /** Each error's `extensions.code`, such as UNAUTHENTICATED or FORBIDDEN. */
  readonly codes: readonly string[];

  constructor(message: string, options: { cause?: unknown; codes?: readonly string[] } = {}) {
    super(message, { cause: options.cause });
    this.codes = options.codes ?? [];
  }
}

/** True when the API refused because nobody is signed in, or the session has ended. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLRequestError && error.codes.includes('UNAUTHENTICATED');
}

type GraphQLResponse<Data> = {
  data?: Data | null;
  errors?: readonly { message: string; extensions?: { code?: unknown } }[];
};

/**
 * Sends one operation to Harbour's GraphQL API. Mistakes a person can fix come back as
 * `userErrors` inside `data`; anything in `errors` is thrown, with its codes.
 */
export async function graphqlRequest<Data>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      // The session cookie goes with every request, and only to Harbour itself.
      credentials: 'same-origin',
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
      codes: (body?.errors ?? []).flatMap(({ extensions }) =>
        typeof extensions?.code === 'string' ? [extensions.code] : [],
      ),
    });
  }
  return body.data;
}
