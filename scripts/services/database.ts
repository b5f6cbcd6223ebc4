import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureFerretDb } from './go-tools';
import { ensurePostgres, startPostgres, type PostgresServer } from './postgres';
import { ensurePortFree, freePort, startService, waitForPort, type Service } from './process';

export type DatabaseKind = 'external' | 'mongodb' | 'ferretdb';
/** FerretDB v1's storage: PostgreSQL by default (it filters in the database), SQLite as fallback. */
export type FerretDbBackend = 'postgresql' | 'sqlite';

export interface DatabaseServer extends Service {
  kind: DatabaseKind;
  /** FerretDB's backend, when kind is ferretdb. */
  backend?: FerretDbBackend;
  /** Connection string without a database name; callers add their own. */
  uri: string;
  port?: number;
}

/** A mongod binary already on this machine, if any (mongodb-memory-server cannot download here). */
export function findMongod(): string | undefined {
  const candidates = [
    process.env.MONGOMS_SYSTEM_BINARY,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'mongod')),
  ];
  return candidates.find((path) => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Picks the database server as the handbook says: MONGODB_URI if set; else a real mongod
 * through mongodb-memory-server when one can be had; else FerretDB v1, on PostgreSQL unless
 * HARBOUR_FERRETDB_BACKEND=sqlite (or PostgreSQL cannot be installed here).
 * Data goes under `dataRoot` (`postgres/`, `ferretdb/` or `mongodb/`) and survives restarts;
 * `durable: false` is for throwaway data (tests, benchmarks).
 */
export async function startDatabase(options: {
  dataRoot: string;
  port?: number;
  durable?: boolean;
}): Promise<DatabaseServer> {
  const external = process.env.MONGODB_URI;
  if (external) return { kind: 'external', uri: external, stop: async () => {} };

  const mongod = findMongod();
  if (mongod) {
    return startMongoMemoryServer(mongod, {
      dataPath: join(options.dataRoot, 'mongodb'),
      port: options.port,
    });
  }
  return startFerretDb({ ...options, backend: await chooseFerretDbBackend() });
}

export async function chooseFerretDbBackend(): Promise<FerretDbBackend> {
  const chosen = process.env.HARBOUR_FERRETDB_BACKEND ?? 'postgresql';
  if (chosen !== 'postgresql' && chosen !== 'sqlite') {
    throw new Error(`HARBOUR_FERRETDB_BACKEND must be postgresql or sqlite, not "${chosen}"`);
  }
  if (chosen === 'sqlite' || process.env.HARBOUR_FERRETDB_BACKEND) return chosen;
  try {
    await ensurePostgres();
    return 'postgresql';
  } catch (error) {
    console.warn(`${(error as Error).message}\nFalling back to FerretDB's SQLite backend.`);
    return 'sqlite';
  }
}

/**
 * FerretDB v1 on the chosen backend. With PostgreSQL, the cluster lives in
 * `<dataRoot>/postgres` on a port of its own and stops with FerretDB.
 */
export async function startFerretDb(options: {
  dataRoot: string;
  backend: FerretDbBackend;
  port?: number;
  durable?: boolean;
}): Promise<DatabaseServer> {
  const binary = await ensureFerretDb();
  const port = options.port ?? (await freePort());
  if (options.port) {
    await ensurePortFree(port, 'stop what uses it, or choose another with HARBOUR_DB_PORT');
  }
  let postgres: PostgresServer | undefined;
  let backendArgs: string[];
  if (options.backend === 'postgresql') {
    postgres = await startPostgres({
      dataPath: join(options.dataRoot, 'postgres'),
      port: Number(process.env.HARBOUR_POSTGRES_PORT ?? 0) || (await freePort()),
      durable: options.durable ?? true,
    });
    backendArgs = ['-handler', 'postgresql', '-postgresql-url', postgres.url];
  } else {
    const dataPath = join(options.dataRoot, 'ferretdb');
    mkdirSync(dataPath, { recursive: true });
    backendArgs = ['-handler', 'sqlite', '-data-dir', dataPath];
  }
  const { child, service } = startService(
    binary,
    ['-listen-addr', `127.0.0.1:${port}`, ...backendArgs],
    {
      name: 'FerretDB',
      // GOGC=400: FerretDB v1 makes many short-lived objects for each document it reads, and
      // with Go's default (100) a fifth of its time went on collecting them (profiled while
      // reading 200,000 bookings: 22 % less CPU at 400). Its heap stays small either way.
      env: { ...process.env, GOGC: process.env.GOGC ?? '400', DO_NOT_TRACK: '1' },
    },
  );
  const stop = async () => {
    await service.stop();
    await postgres?.stop();
  };
  try {
    await waitForPort(port, 20_000, child);
  } catch (error) {
    await stop();
    throw new Error(`FerretDB did not start: ${(error as Error).message}`, { cause: error });
  }
  return {
    kind: 'ferretdb',
    backend: options.backend,
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true&retryWrites=false`,
    port,
    stop,
  };
}

async function startMongoMemoryServer(
  systemBinary: string,
  options: { dataPath: string; port?: number },
): Promise<DatabaseServer> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  mkdirSync(options.dataPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    binary: { systemBinary },
    instance: { dbPath: options.dataPath, storageEngine: 'wiredTiger', port: options.port },
  });
  const url = new URL(server.getUri());
  return {
    kind: 'mongodb',
    uri: `mongodb://${url.host}/?directConnection=true`,
    port: Number(url.port),
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}

/** Puts a database name into a server connection string. */
export function databaseUri(serverUri: string, name: string): string {
  const url = new URL(serverUri);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database `npm start` runs, which command-line tools use unless MONGODB_URI is set. */
export const LOCAL_DATABASE_URI =
  'mongodb://127.0.0.1:27117/harbour?directConnection=true&retryWrites=false';

/** `"harbour" on 127.0.0.1:27117`, for messages; null when `uri` is not a connection string. */
export function describeDatabase(uri: string): string | null {
  try {
    const url = new URL(uri);
    return `"${url.pathname.slice(1) || 'test'}" on ${url.host}`;
  } catch {
    return null;
  }
}
