// `npm start`: builds the web client, starts the local database (FerretDB or a real mongod,
// unless MONGODB_URI is set) and stripe-mock (unless STRIPE_API_URL is set), then runs the
// Harbour server with demo data. Data lives in .data/ and survives restarts.
import { spawn } from 'node:child_process';
import { databaseUri, startDatabase } from './services/database';
import { dataDir, repoRoot } from './services/paths';
import { run, type Service } from './services/process';
import { startStripeMock } from './services/stripe-mock';

async function main() {
  console.log('Building the web client…');
  await run('npm', ['run', 'build', '--silent'], { cwd: repoRoot });

  const services: Service[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env };

  const database = await startDatabase({
    dataRoot: dataDir,
    port: Number(process.env.HARBOUR_DB_PORT ?? 27117),
  });
  services.push(database);
  if (database.kind !== 'external') {
    env.MONGODB_URI = databaseUri(database.uri, 'harbour');
    env.HARBOUR_DATABASE_KIND = database.kind;
    if (database.backend) env.HARBOUR_FERRETDB_BACKEND = database.backend;
  }

  if (!env.STRIPE_API_URL && !env.STRIPE_SECRET_KEY?.startsWith('sk_live_')) {
    const stripe = await startStripeMock(Number(process.env.HARBOUR_STRIPE_MOCK_PORT ?? 12111));
    services.push(stripe);
    env.STRIPE_API_URL = stripe.url;
  }

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  const stopAll = () => Promise.all(services.map((service) => service.stop()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on('exit', (code) => {
    void stopAll().then(() => process.exit(code ?? 0));
  });

  void announceWhenReady(Number(env.PORT ?? 4000), database.kind);
}

async function announceWhenReady(port: number, kind: string) {
  for (let i = 0; i < 120; i += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) {
        const { database } = (await response.json()) as {
          database: { server: string; name: string; backend?: string };
        };
        const folder = database.backend === 'postgresql' ? 'postgres' : kind;
        const where = kind === 'external' ? 'MONGODB_URI' : `.data/${folder}, kept across restarts`;
        const server =
          database.server !== 'ferretdb'
            ? 'MongoDB'
            : database.backend === 'postgresql'
              ? 'FerretDB on PostgreSQL'
              : 'FerretDB on SQLite';
        console.log(
          `\n  Harbour is running at http://localhost:${port}\n` +
            `  Database: ${server}, database "${database.name}" (${where})\n` +
            `  Demo sign-ins (password ${process.env.DEMO_PASSWORD ?? 'harbour-demo-2026'}):\n` +
            `    parent@demo.harbour.test, parent2@demo.harbour.test, provider@demo.harbour.test\n` +
            `    commissioner@demo.harbour.test and admin@demo.harbour.test also need a code from an\n` +
            `    authenticator app with the secret ${process.env.DEMO_TOTP_SECRET ?? 'JBSWY3DPEHPK3PXP'}\n` +
            `  Emails are not sent in development: see http://localhost:${port}/dev/mailbox\n` +
            `  Stop with Ctrl+C.\n`,
        );
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
