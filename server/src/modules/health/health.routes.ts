import { Router } from 'express';
import type { Database } from '../../platform/database';

/** `/healthz`: the process is alive. `/readyz`: it can serve, because the database answers now. */
export function healthRoutes(database: Database): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const description = database.describe();
    if (await database.ping()) {
      res.json({ status: 'ready', database: description });
    } else {
      res.status(503).json({
        status: 'unavailable',
        reason: 'The database is not answering; the server keeps retrying.',
        database: description,
      });
    }
  });

  return router;
}
