import { expressMiddleware } from '@as-integrations/express5';
import { stripeWebhookRoutes } from './modules/payments/payments.routes';
import { budgetCsvRoutes } from './modules/budgets/budgets.routes';
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { createServer, type Server } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { pinoHttp } from 'pino-http';
import { serviceUnavailable } from './graphql/errors';
import type { RequestContext } from './graphql/module';
import { createGraphQLServer } from './graphql/server';
import { healthRoutes } from './modules/health/health.routes';
import { orukRoutes } from './modules/oruk/oruk.routes';
import { openActiveRoutes } from './modules/bookings/openactive.routes';
import { devMailboxRoutes } from './modules/outbox/dev-mailbox.routes';
import type { Config } from './platform/config';
import type { Database } from './platform/database';
import type { Logger } from './platform/logger';
import type { Metrics } from './platform/metrics';
import { requestIdFrom, runInRequest } from './platform/request-context';
import { staticClient } from './platform/static-client';
import type { Services } from './services';

/** Map tiles come from OpenStreetMap's tile servers; nothing else leaves our origin. */
const TILE_SOURCES = ['https://tile.openstreetmap.org', 'https://*.tile.openstreetmap.org'];

/**
 * Stripe.js and the iframes of its Payment Element, allowed only where a publishable key is
 * configured (Stripe's security guide lists these origins).
 */
const STRIPE_SOURCES = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
};

export interface AppDependencies {
  config: Config;
  log: Logger;
  database: Database;
  metrics: Metrics;
  services: Services;
}

export interface HttpApp {
  server: Server;
  /** Starts GraphQL and mounts every route; call once before listening. */
  start(): Promise<void>;
  /** Stops taking requests, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
}

export function createHttpApp({
  config,
  log,
  database,
  metrics,
  services,
}: AppDependencies): HttpApp {
  const app = express();
  const server = createServer(app);
  const graphql = createGraphQLServer({ production: config.production, log, metrics });

  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = requestIdFrom(req.headers['x-request-id']);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route =
        req.route?.path ?? (req.path.startsWith('/assets/') ? '/assets' : req.baseUrl || 'other');
      metrics.observeHttp(
        req.method,
        String(route),
        res.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  });

  const stripe = config.stripe.publishableKey
    ? STRIPE_SOURCES
    : { script: [], frame: [], connect: [] };
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...stripe.script],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', ...TILE_SOURCES],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", ...stripe.connect],
          frameSrc: ["'self'", ...stripe.frame],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.production,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );

  app.use(healthRoutes(database));
  app.use(stripeWebhookRoutes(services.payments));

  app.get('/metrics', async (req, res) => {
    if (config.metricsToken && req.headers.authorization !== `Bearer ${config.metricsToken}`) {
      res.status(401).json({ error: 'A metrics token is required' });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return {
    server,
    async start() {
      await graphql.start();
      app.use(
        '/graphql',
        express.json({ limit: '100kb' }),
        (req, _res, next) => runInRequest({ requestId: String(req.id) }, next),
        expressMiddleware(graphql, {
          context: async ({ req, res }): Promise<RequestContext> => {
            if (!database.isConnected) throw serviceUnavailable();
            const token = sessionToken(req.headers.authorization, req.headers.cookie);
            return {
              services,
              actor: await services.accounts.authenticate(token),
              http: {
                clientAddress: req.ip ?? 'unknown',
                userAgent: req.headers['user-agent'],
                startSession: (value, expiresAt) =>
                  res.cookie(SESSION_COOKIE, value, {
                    ...cookieOptions(config.production),
                    expires: expiresAt,
                  }),
                endSession: () => res.clearCookie(SESSION_COOKIE, cookieOptions(config.production)),
              },
            };
          },
        }),
      );
      if (!config.production) app.use(devMailboxRoutes());
      app.use(
        '/api/oruk',
        orukRoutes(services.directory, (id) => services.sessions.capacityOfService(id)),
      );
      app.use('/api/openactive', openActiveRoutes(services.directory, config.publicUrl));
      app.use(
        budgetCsvRoutes({
          budgets: services.budgets,
          payments: services.payments,
          bookings: services.bookings,
          actorOf: (req) =>
            services.accounts.authenticate(
              sessionToken(req.headers.authorization, req.headers.cookie),
            ),
        }),
      );
      app.use(staticClient(config.clientDist, log));
      app.use((_req, res) => {
        res.status(404).json({ error: 'Not found' });
      });
      app.use(jsonErrors(log));
    },
    async stop() {
      await drain(server, 10_000);
      await graphql.stop();
    },
  };
}

/** The browser's session cookie: httpOnly, SameSite=Lax, Secure in production. */
export const SESSION_COOKIE = 'harbour_session';

function cookieOptions(production: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: production, path: '/' };
}

/** A bearer token (API clients) or the session cookie (browsers). */
function sessionToken(
  authorization: string | undefined,
  cookieHeader: string | undefined,
): string | undefined {
  const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) return bearer;
  return cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
}

/**
 * Stops accepting connections and waits for requests in flight. Keep-alive connections
 * are closed as soon as they fall idle, and anything left after `graceMs` is cut.
 */
async function drain(server: Server, graceMs: number) {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
  server.closeIdleConnections();
  await Promise.race([closed, timeout]);
  clearInterval(idleSweep);
  server.closeAllConnections();
}

/** Malformed bodies get a 400 that says what is wrong; anything unexpected is a masked 500. */
function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status < 500) {
      const message =
        error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : error.type === 'entity.too.large'
            ? 'The request body is too large.'
            : error.expose
              ? String(error.message)
              : 'Bad request.';
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log.error({ err: error }, 'unhandled HTTP error');
    res.status(500).json({
      errors: [
        {
          message: `Sorry, something went wrong on our side. Quote reference ${String(req.id)}.`,
          extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: String(req.id) },
        },
      ],
    });
  };
}
