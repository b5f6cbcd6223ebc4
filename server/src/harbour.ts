import type { AddressInfo } from 'node:net';
import { createHttpApp } from './app';
import { JobWorker } from './modules/jobs/job.worker';
import { demoSteps, seedDemoData } from './modules/demo/demo-seed';
import type { Config } from './platform/config';
import { Database } from './platform/database';
import { createLogger, type Logger } from './platform/logger';
import { Metrics } from './platform/metrics';
import { migrate } from './platform/migrations';
import { createServices, jobHandlers } from './services';

export interface RunningHarbour {
  url: string;
  port: number;
  log: Logger;
  database: Database;
  /** Resolves once the database is connected, migrated and (in development) seeded. */
  ready: Promise<void>;
  services: ReturnType<typeof createServices>;
  worker: JobWorker;
  stop(): Promise<void>;
}

/**
 * Starts one Harbour server process: HTTP and GraphQL at once, then, whenever the database
 * first answers, migrations, the demo seed and the in-process job worker.
 */
export async function startHarbour(
  config: Config,
  log = createLogger(config.logLevel),
): Promise<RunningHarbour> {
  const metrics = new Metrics();
  const database = new Database({
    uri: config.database.uri,
    kind: config.database.kind,
    backend: config.database.backend,
    log,
    onConnect: (connection) => metrics.watchConnectionPool(connection),
  });
  const services = createServices(config, log);
  const http = createHttpApp({ config, log, database, metrics, services });
  const worker = new JobWorker({ queue: services.queue, handlers: jobHandlers(services), log });

  await http.start();
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, resolve);
  });
  const { port } = http.server.address() as AddressInfo;
  // Listening on every address (IPv4 0.0.0.0, or :: for both): reach it on loopback.
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const url = `http://${wildcard ? '127.0.0.1' : config.host}:${port}`;
  log.info({ url }, `Harbour listening on ${url}`);

  const ready = database.start().then(async () => {
    await migrate(log);
    if (config.demo.seed) await seedDemoData(log, demoSteps(config, services));
    // Puts right anything a crash left half-done; safe beside other running servers.
    const reconciled = await services.bookings.reconcile({ graceMs: config.reconcileGraceMs });
    log.info(reconciled, 'bookings reconciled');
    if (config.workerInProcess) worker.start();
    await services.searchIndex.start();
    services.insights.start();
  });
  ready.catch((error: Error) => log.error({ err: error }, 'start-up work failed'));

  return {
    url,
    port,
    log,
    database,
    ready,
    services,
    worker,
    async stop() {
      await http.stop();
      await worker.stop();
      services.searchIndex.stop();
      services.insights.stop();
      await database.close();
    },
  };
}
