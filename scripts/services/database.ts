import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureFerretDb } from './go-tools';
import { ensurePortFree, freePort, startService, waitForPort, type Service } from './process';

export type DatabaseKind = 'external' | 'mongodb' | 'ferretdb';

export interface DatabaseServer extends Service {
  kind: DatabaseKind;
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
 * Picks the database server as database.md says: MONGODB_URI if set; else a real mongod
 * through mongodb-memory-server when one can be had; else FerretDB v1 on SQLite.
 * Data goes in `<dataRoot>/ferretdb` or `<dataRoot>/mongodb` and survives restarts.
 */
export async function startDatabase(options: {
  dataRoot: string;
  port?: number;
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
  return startFerretDb({ dataPath: join(options.dataRoot, 'ferretdb'), port: options.port });
}

export async function startFerretDb(options: {
  dataPath: string;
  port?: number;
}): Promise<DatabaseServer> {
  const binary = await ensureFerretDb();
  const port = options.port ?? (await freePort());
  if (options.port) {
    await ensurePortFree(port, 'stop what uses it, or choose another with HARBOUR_DB_PORT');
  }
  mkdirSync(options.dataPath, { recursive: true });
  const { child, service } = startService(
    binary,
    ['-listen-addr', `127.0.0.1:${port}`, '-data-dir', options.dataPath],
    { name: 'FerretDB', env: { ...process.env, DO_NOT_TRACK: '1' } },
  );
  try {
    await waitForPort(port, 20_000, child);
  } catch (error) {
    await service.stop();
    throw new Error(`FerretDB did not start: ${(error as Error).message}`, { cause: error });
  }
  return {
    kind: 'ferretdb',
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true&retryWrites=false`,
    port,
    stop: service.stop,
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
