import { spawn, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { databaseUri } from '../../scripts/services/database';
import { freePort } from '../../scripts/services/process';
import { eventually, testDatabaseServer } from '../support/harbour';

const root = join(__dirname, '../..');

/** Starts the real server process with the given environment and collects what it says. */
function startServer(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

it('stops with one line naming a malformed variable', () => {
  const result = startServer({ PORT: 'not-a-port' });
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    'Configuration error: PORT must be a whole number between 0 and 65535 (got "not-a-port")',
  );
  expect(result.stdout).toBe('');
});

it('stops with one line when production lacks its database', () => {
  const result = startServer({ NODE_ENV: 'production' });
  expect(result.status).toBe(1);
  expect(result.stderr).toBe('Configuration error: MONGODB_URI must be set in production');
});

it('finishes a request in flight on SIGTERM, then closes the database and exits 0', async () => {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: databaseUri(testDatabaseServer().uri, 'shutdown_test'),
      DEMO_SEED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  server.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const exited = new Promise<number | null>((done) => server.on('exit', done));

  await eventually(
    async () => expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200),
    20_000,
  );
  // A request whose body is still arriving when the signal comes is in flight for sure.
  const body = JSON.stringify({ query: '{ feedbackSummary { total } }' });
  const request = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<number | undefined>((done, fail) => {
    request.on('response', (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode));
    });
    request.on('error', fail);
  });
  request.write(body.slice(0, 10));
  await new Promise((wait) => setTimeout(wait, 200));
  server.kill('SIGTERM');
  await new Promise((wait) => setTimeout(wait, 200));
  request.end(body.slice(10));

  expect(await response).toBe(200);
  expect(await exited).toBe(0);
  expect(logs).toContain('shutting down: finishing requests in flight');
  expect(logs).toContain('stopped cleanly');
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
});
