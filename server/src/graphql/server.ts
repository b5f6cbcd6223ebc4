import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import { formatError, serviceUnavailableStatusPlugin } from './errors';
import type { RequestContext } from './module';
import { buildSchema } from './schema';

/**
 * Apollo with graphql-armor's limits (depth, aliases, cost, tokens, directives) merged in,
 * limits not revealed to callers, CSRF prevention on, and errors masked with a correlation id.
 */
export function createGraphQLServer(options: {
  production: boolean;
  log: Logger;
  metrics: Metrics;
}) {
  const armor = new ApolloArmor({
    // Limits are named in armor's messages so formatError can explain which one was hit,
    // in words without numbers (see errors.ts): the numbers themselves stay private.
    maxDepth: { n: 10, exposeLimits: true, ignoreIntrospection: true },
    maxAliases: { n: 15, exposeLimits: true },
    costLimit: { maxCost: 5000, exposeLimits: true, ignoreIntrospection: true },
    // Counted by graphql-js while parsing instead, so an oversized query is a clean parse error.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: true },
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();

  return new ApolloServer<RequestContext>({
    schema: buildSchema(),
    ...protection,
    introspection: !options.production,
    parseOptions: { maxTokens: 2000 },
    csrfPrevention: true,
    // main.ts owns signals: HTTP drains first, then Apollo stops.
    stopOnTerminationSignals: false,
    plugins: [
      ...protection.plugins,
      options.metrics.graphqlPlugin(),
      serviceUnavailableStatusPlugin(),
      // The embedded Sandbox loads scripts from a CDN, which our CSP (and this network) refuse.
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, options.log),
  });
}
