import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall } from './apt';
import { MIRROR_INDEXES_SQL, POSTGRES_SETTINGS } from './postgres-indexes';
import { startService, StepError, waitForPort, type Service } from './process';

/** Debian bookworm's PostgreSQL, the backend FerretDB uses by default here. */
export const POSTGRES_PACKAGE = 'postgresql-15';
/** The database inside the cluster that FerretDB keeps its collections in. */
const FERRETDB_DATABASE = 'ferretdb';
const SUPERUSER = 'harbour';

/** The newest PostgreSQL server installed the Debian way (`/usr/lib/postgresql/<major>/bin`). */
export function findPostgres(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (process.env.HARBOUR_POSTGRES_BIN) return process.env.HARBOUR_POSTGRES_BIN;
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((major) => existsSync(join(root, major, 'bin/postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

export async function ensurePostgres(): Promise<string> {
  const found = findPostgres();
  if (found) return found;
  const step = `Installing Debian ${POSTGRES_PACKAGE} (FerretDB's PostgreSQL backend)`;
  const retry = `apt-get update && apt-get install -y ${POSTGRES_PACKAGE} (as root), or HARBOUR_FERRETDB_BACKEND=sqlite`;
  await aptInstall(step, [POSTGRES_PACKAGE], retry);
  const installed = findPostgres();
  if (!installed) throw new StepError(step, 'no server under /usr/lib/postgresql', retry);
  return installed;
}

/** PostgreSQL refuses to run as root; as root we run it as Debian's `postgres` user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL cannot run as root and there is no `postgres` user to run it as');
  }
}

export interface PostgresServer extends Service {
  /** Connection string for FerretDB's PostgreSQL handler. */
  url: string;
  port: number;
}

/**
 * Starts a PostgreSQL cluster of the project's own in `dataPath` (created on first use and kept
 * across restarts), listening on loopback TCP only. `durable: false` (tests, benchmarks) turns
 * off fsync: faster, and a crash loses only throwaway data.
 */
export async function startPostgres(options: {
  dataPath: string;
  port: number;
  durable: boolean;
}): Promise<PostgresServer> {
  const bin = await ensurePostgres();
  const user = serverUser();
  const asServerUser = { ...user, env: { ...process.env, LC_ALL: 'C', PGDATA: undefined } };
  mkdirSync(options.dataPath, { recursive: true, mode: 0o700 });
  if (user) {
    chownSync(options.dataPath, user.uid, user.gid);
    // The `postgres` user must be able to reach its folder inside ours.
    chmodSync(join(options.dataPath, '..'), 0o711);
  }
  if (!existsSync(join(options.dataPath, 'PG_VERSION'))) {
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', options.dataPath, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C'].concat(
        options.durable ? [] : ['--no-sync'],
      ),
      { ...asServerUser, encoding: 'utf8' },
    );
    if (init.status !== 0) {
      throw new Error(`PostgreSQL initdb failed: ${init.stderr || init.error?.message}`);
    }
  }
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'max_connections=200',
    ...POSTGRES_SETTINGS,
    ...(options.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  const { child, service } = startService(
    join(bin, 'postgres'),
    ['-D', options.dataPath, '-p', String(options.port), ...settings.flatMap((s) => ['-c', s])],
    // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM would wait for every client to leave.
    { name: 'PostgreSQL', stopSignal: 'SIGINT', ...asServerUser },
  );
  try {
    await waitForPort(options.port, 30_000, child);
    await waitUntilAccepting(bin, options.port);
    createDatabaseOnce(bin, options.port);
    mirrorIndexes(bin, options.port);
  } catch (error) {
    await service.stop();
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}`, { cause: error });
  }
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${options.port}/${FERRETDB_DATABASE}`,
    port: options.port,
    stop: service.stop,
  };
}

async function waitUntilAccepting(bin: string, port: number) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ready = spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
    if (ready.status === 0) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`PostgreSQL on port ${port} did not accept connections within 10 s`);
}

/** Lets FerretDB's equality filters use indexes (see postgres-indexes.ts); safe on every start. */
function mirrorIndexes(bin: string, port: number) {
  const installed = spawnSync(
    join(bin, 'psql'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', FERRETDB_DATABASE].concat([
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-f',
      '-',
    ]),
    { encoding: 'utf8', input: MIRROR_INDEXES_SQL },
  );
  if (installed.status !== 0) throw new Error(`index mirroring: ${installed.stderr}`);
}

function createDatabaseOnce(bin: string, port: number) {
  const psql = (sql: string) =>
    spawnSync(
      join(bin, 'psql'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', 'postgres', '-tAc', sql],
      { encoding: 'utf8' },
    );
  const exists = psql(`SELECT 1 FROM pg_database WHERE datname = '${FERRETDB_DATABASE}'`);
  if (exists.status !== 0) throw new Error(exists.stderr);
  if (exists.stdout.trim() === '1') return;
  const created = psql(`CREATE DATABASE ${FERRETDB_DATABASE}`);
  if (created.status !== 0) throw new Error(created.stderr);
}
