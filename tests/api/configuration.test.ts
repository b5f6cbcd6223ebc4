import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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
