import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../platform/database';
import type { Logger } from '../platform/logger';
import { currentRequest } from '../platform/request-context';

/** Error codes a client may see and act on; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SERVICE_UNAVAILABLE',
]);

/** Which protective limit a query hit, said without the limit's number. */
const LIMIT_MESSAGES: [RegExp, string][] = [
  [
    /depth limit|introspection depth/i,
    'The query is nested too deeply. Ask for fewer levels at once.',
  ],
  [/aliases limit/i, 'The query uses too many aliases. Ask for fewer fields at once.'],
  [/cost limit/i, 'The query asks for too much at once. Split it into smaller queries.'],
  [/directives limit/i, 'The query uses too many directives.'],
  [/more tha[nt] \d+ tokens/i, 'The query is too long. Split it into smaller queries.'],
];

function withoutLimits(message: string): string {
  return LIMIT_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The service is temporarily unavailable. Please try again in a minute.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}

/**
 * Keeps client mistakes and access errors as they are, turns "database away" into
 * SERVICE_UNAVAILABLE, and masks everything else behind the request's correlation id,
 * logging the real error so it can be found from what the user quotes.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
): GraphQLFormattedError {
  const correlationId = currentRequest()?.requestId ?? 'unknown';
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) {
    const field = formatted.extensions?.field;
    return {
      message: withoutLimits(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...(Array.isArray(field) && { field }) },
    };
  }
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) {
    log.warn(
      { err: original, path: formatted.path },
      'GraphQL operation hit an unavailable database',
    );
    return {
      ...serviceUnavailable().toJSON(),
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  log.error({ err: original, path: formatted.path, correlationId }, 'GraphQL internal error');
  return {
    message: `Sorry, something went wrong on our side. If it keeps happening, quote reference ${correlationId}.`,
    path: formatted.path,
    extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}

/** A response whose errors include "database away" is a 503, so load balancers and clients retry. */
export function serviceUnavailableStatusPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
        }
      },
    }),
  };
}
