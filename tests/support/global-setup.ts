// Once per test run: one database server and one stripe-mock for every test file
// (each file then works in a fresh database of its own).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDatabase } from '../../scripts/services/database';
import type { Service } from '../../scripts/services/process';
import { startStripeMock } from '../../scripts/services/stripe-mock';

declare global {
  var harbourTestServices: Service[] | undefined;
}

export default async function globalSetup() {
  const database = await startDatabase({
    dataRoot: mkdtempSync(join(tmpdir(), 'harbour-test-db-')),
    durable: false,
  });
  const stripe = await startStripeMock();
  process.env.HARBOUR_TEST_MONGODB_URI = database.uri;
  process.env.HARBOUR_TEST_DATABASE_KIND = database.kind;
  if (database.backend) process.env.HARBOUR_FERRETDB_BACKEND = database.backend;
  process.env.HARBOUR_TEST_STRIPE_URL = stripe.url;
  globalThis.harbourTestServices = [database, stripe];
}
