import mongoose, { type Connection, type Schema } from 'mongoose';
import type { Logger } from './logger';

// Operations fail fast while the database is away, rather than queueing in memory.
mongoose.set('bufferCommands', false);
mongoose.set('autoIndex', false);
mongoose.set('autoCreate', false);
mongoose.set('strictQuery', true);

export type DatabaseKind = 'ferretdb' | 'mongodb' | 'external';

export interface DatabaseDescription {
  kind: DatabaseKind;
  /** FerretDB's storage backend, as the scripts that started it said. */
  backend?: 'postgresql' | 'sqlite';
  /** What the server says it is, read from buildInfo once connected. */
  server?: 'ferretdb' | 'mongodb';
  version?: string;
  name: string;
}

export interface DatabaseOptions {
  uri: string;
  kind: DatabaseKind;
  backend?: 'postgresql' | 'sqlite';
  log: Logger;
  /** Longest wait between connection attempts. */
  maxRetryDelayMs?: number;
  /** Called after each successful connect, before anything else uses the connection. */
  onConnect?: (connection: Connection) => void;
}

/**
 * The one connection to MongoDB (or FerretDB). It keeps trying to connect with backoff,
 * so the process starts and stays up while the database is away, and says when it is back.
 */
export class Database {
  readonly connection: Connection = mongoose.connection;
  private description: DatabaseDescription;
  private closing = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private connected: Promise<void>;
  private markConnected!: () => void;

  constructor(private readonly options: DatabaseOptions) {
    this.description = {
      kind: options.kind,
      ...(options.backend && { backend: options.backend }),
      name: databaseName(options.uri),
    };
    this.connected = new Promise((resolve) => (this.markConnected = resolve));
    this.connection.on('disconnected', () => {
      if (!this.closing) options.log.warn('database connection lost; the driver is reconnecting');
    });
    this.connection.on('reconnected', () => options.log.info('database connection restored'));
  }

  /** Starts connecting in the background; resolves once the first connection is made. */
  start(): Promise<void> {
    void this.attempt(1);
    return this.connected;
  }

  private async attempt(attempt: number): Promise<void> {
    if (this.closing) return;
    try {
      await mongoose.connect(this.options.uri, {
        serverSelectionTimeoutMS: 5000,
        heartbeatFrequencyMS: 2000,
        maxPoolSize: 20,
      });
      this.options.onConnect?.(this.connection);
      await this.identifyServer();
      this.options.log.info({ database: this.description }, describe(this.description));
      this.markConnected();
    } catch (error) {
      if (this.closing) return;
      const delay = Math.min(500 * 2 ** (attempt - 1), this.options.maxRetryDelayMs ?? 15_000);
      this.options.log.error(
        { attempt, retryInMs: delay, err: { message: (error as Error).message } },
        `database unreachable (attempt ${attempt}); retrying in ${Math.round(delay / 100) / 10}s`,
      );
      await mongoose.disconnect().catch(() => undefined);
      this.retryTimer = setTimeout(() => void this.attempt(attempt + 1), delay);
    }
  }

  private async identifyServer() {
    const db = this.connection.db;
    if (!db) return;
    const info = await db.admin().command({ buildInfo: 1 });
    this.description = {
      ...this.description,
      server: 'ferretdbVersion' in info ? 'ferretdb' : 'mongodb',
      version: String(info.version),
    };
  }

  get isConnected(): boolean {
    return this.connection.readyState === mongoose.ConnectionStates.connected;
  }

  describe(): DatabaseDescription {
    return this.description;
  }

  /** Asks the server to answer now; false when it does not within the time given. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    if (!this.isConnected || !this.connection.db) return false;
    try {
      await this.connection.db.command({ ping: 1 }, { timeoutMS: timeoutMs });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retryTimer);
    await mongoose.disconnect();
  }
}

function databaseName(uri: string): string {
  const path = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, '').replace(/^\//, '');
  return decodeURIComponent(path.split('?')[0] ?? '') || 'test';
}

function describe(database: DatabaseDescription): string {
  const server = database.server === 'ferretdb' ? ferretDbName(database.backend) : 'MongoDB';
  return `database connected: ${server} ${database.version ?? ''}, database "${database.name}", chosen as ${database.kind}`;
}

function ferretDbName(backend: DatabaseDescription['backend']): string {
  if (backend === 'postgresql') return 'FerretDB (PostgreSQL)';
  if (backend === 'sqlite') return 'FerretDB (SQLite)';
  return 'FerretDB';
}

/** Errors that mean "the database is away", as opposed to a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    /^Mongo(Network|ServerSelection|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared)/.test(
      error.name,
    ) || /before initial connection is complete|Client must be connected/.test(error.message)
  );
}

/**
 * A unique index refused an insert. Harbour decides "who gets there first" this way, because
 * unique inserts are atomic on MongoDB and on FerretDB v1, where conditional updates are not.
 */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Every query that changes or removes documents, for middleware that must see them all. */
export const CHANGING_OPERATIONS = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
  'findOneAndReplace',
] as const;

/** Makes a collection append-only: any update or delete through its model throws `message`. */
export function refuseChanges(schema: Schema, message: string): void {
  for (const operation of CHANGING_OPERATIONS) {
    schema.pre(operation, () => {
      throw new Error(message);
    });
  }
}
