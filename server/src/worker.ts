// `npm run worker`: background jobs in a process of their own. Safe beside the servers'
// in-process workers and other worker processes: each job is leased to one claimer.
import { JobWorker } from './modules/jobs/job.worker';
import { ConfigError, loadConfig } from './platform/config';
import { Database } from './platform/database';
import { createLogger } from './platform/logger';
import { migrate } from './platform/migrations';
import { createServices, jobHandlers } from './services';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel).child({ process: 'worker' });
  const database = new Database({ uri: config.database.uri, kind: config.database.kind, log });
  await database.start();
  await migrate(log);
  const services = createServices(config, log);
  const handlers = jobHandlers(services);
  const worker = new JobWorker({ queue: services.queue, handlers, log });
  worker.start();
  log.info({ worker: worker.id, jobs: Object.keys(handlers) }, 'worker started');

  const shutdown = async () => {
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((error: Error) => {
  console.error(
    error instanceof ConfigError ? error.message : `Worker could not start: ${error.message}`,
  );
  process.exit(1);
});
