import compression from 'compression';
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger';

/**
 * Serves the built React client, compressed (brotli where the browser takes it, else gzip):
 * hashed assets cached for a year, and index.html (never cached without asking again) for
 * any other page path so the client's router can take it (but never for API-looking paths).
 */
export function staticClient(dist: string, log: Logger): Router {
  const router = Router();
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    log.warn({ dist }, 'client build not found; run `npm run build` to serve the web pages');
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web client has not been built: run `npm run build`.');
    });
    return router;
  }

  router.use(compression());
  router.use(
    '/assets',
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!graphql|api\/|webhooks\/|metrics|healthz|readyz).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
