// Harbour's server process: `npm start` runs it with local services; production runs it
// with MONGODB_URI and the secrets set.
import { startHarbour } from './harbour';
import { ConfigError, loadConfig } from './platform/config';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const harbour = await startHarbour(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    harbour.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      harbour.log.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    harbour.stop().then(
      () => {
        harbour.log.info('stopped cleanly');
        process.exit(0);
      },
      (error: Error) => {
        harbour.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  console.error(`Harbour could not start: ${error.message}`);
  process.exit(1);
});
