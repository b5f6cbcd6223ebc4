import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { databaseUri } from '../../scripts/services/database';
import { startHarbour, type RunningHarbour } from '../../server/src/harbour';
import { loadConfig } from '../../server/src/platform/config';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string; correlationId?: string } }[];
  };
  headers: Headers;
}

export interface TestHarbour {
  url: string;
  databaseName: string;
  harbour: RunningHarbour;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export function testDatabaseServer() {
  const uri = process.env.HARBOUR_TEST_MONGODB_URI;
  if (!uri)
    throw new Error('HARBOUR_TEST_MONGODB_URI is unset: run tests through jest (globalSetup)');
  return {
    uri,
    kind: process.env.HARBOUR_TEST_DATABASE_KIND as 'ferretdb' | 'mongodb' | 'external',
    backend: process.env.HARBOUR_FERRETDB_BACKEND as 'postgresql' | 'sqlite' | undefined,
  };
}

/**
 * A real Harbour server on a free port, against a fresh database of its own on the run's
 * database server, with Stripe pointed at the run's stripe-mock.
 */
export async function startTestHarbour(env: Record<string, string> = {}): Promise<TestHarbour> {
  const server = testDatabaseServer();
  const databaseName = `t_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    MONGODB_URI: databaseUri(server.uri, databaseName),
    HARBOUR_DATABASE_KIND: server.kind,
    ...(server.backend && { HARBOUR_FERRETDB_BACKEND: server.backend }),
    STRIPE_API_URL: process.env.HARBOUR_TEST_STRIPE_URL,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_SEED: 'false',
    DEMO_PROVIDERS: '12',
    DEMO_FAMILIES: '0',
    WORKER_IN_PROCESS: 'false',
    ...env,
  });
  const harbour = await startHarbour(config);
  await harbour.ready;
  return {
    url: harbour.url,
    databaseName,
    harbour,
    graphql: (query, variables, headers) => postGraphQL(harbour.url, query, variables, headers),
    async stop() {
      if (harbour.database.isConnected)
        await mongoose.connection.dropDatabase().catch(() => undefined);
      await harbour.stop();
    },
  };
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLResponse<T>['body'],
    headers: response.headers,
  };
}

export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((wait) => setTimeout(wait, 200));
    }
  }
}
