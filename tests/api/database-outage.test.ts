import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chooseFerretDbBackend,
  startFerretDb,
  type DatabaseServer,
} from '../../scripts/services/database';
import { freePort } from '../../scripts/services/process';
import { startHarbour, type RunningHarbour } from '../../server/src/harbour';
import { loadConfig } from '../../server/src/platform/config';
import { eventually, postGraphQL } from '../support/harbour';

// This file runs its own FerretDB, so it can take the database away and bring it back.
const dataRoot = mkdtempSync(join(tmpdir(), 'harbour-outage-'));
const startDatabase = async () =>
  startFerretDb({ dataRoot, port, backend: await chooseFerretDbBackend(), durable: false });
let port: number;
let database: DatabaseServer | undefined;
let harbour: RunningHarbour;

beforeAll(async () => {
  port = await freePort();
  harbour = await startHarbour(
    loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      MONGODB_URI: `mongodb://127.0.0.1:${port}/outage?directConnection=true&retryWrites=false`,
      HARBOUR_DATABASE_KIND: 'ferretdb',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DEMO_SEED: 'false',
    }),
  );
});

afterAll(async () => {
  await harbour.stop();
  await database?.stop();
});

const summary = () =>
  postGraphQL<{ feedbackSummary: { total: number } }>(harbour.url, '{ feedbackSummary { total } }');
const readiness = async () => {
  const response = await fetch(`${harbour.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { reason?: string } };
};

const recordFeedback = () =>
  postGraphQL(
    harbour.url,
    'mutation { feedbackSubmit(input: { rating: SATISFIED }) { userErrors { message } } }',
  );

it('starts without its database: not ready, GraphQL says SERVICE_UNAVAILABLE, nothing crashes', async () => {
  expect((await fetch(`${harbour.url}/healthz`)).status).toBe(200);
  const ready = await readiness();
  expect(ready.status).toBe(503);
  expect(ready.body.reason).toMatch(/database is not answering/);

  const response = await summary();
  expect(response.status).toBe(503);
  expect(response.body.errors?.[0]).toMatchObject({
    message: 'The service is temporarily unavailable. Please try again in a minute.',
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
});

it('becomes ready by itself once the database comes up', async () => {
  database = await startDatabase();
  await eventually(async () => expect((await readiness()).status).toBe(200), 20_000);
  await harbour.ready;
  expect((await recordFeedback()).status).toBe(200);
  expect((await summary()).body.data?.feedbackSummary.total).toBe(1);
});

it('answers SERVICE_UNAVAILABLE while the database is down, and recovers with the data kept', async () => {
  await database!.stop();
  await eventually(async () => expect((await readiness()).status).toBe(503), 10_000);
  const during = await summary();
  expect(during.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(during.status).toBe(503);

  database = await startDatabase();
  await eventually(async () => expect((await readiness()).status).toBe(200), 20_000);
  const after = await eventually(async () => {
    const response = await summary();
    expect(response.status).toBe(200);
    return response;
  });
  expect(after.body.data?.feedbackSummary.total).toBe(1);
});
