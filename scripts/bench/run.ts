// `npm run bench -- <scenario> [--size N] [--connections N] [--seconds N]`
// Seeds a synthetic dataset into a fresh database, starts the real server against it, drives
// the API with autocannon, then does the same read with the raw driver at the same
// concurrency, and prints both with their ratio.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { databaseUri, startDatabase } from '../services/database';
import { freePort, waitForPort } from '../services/process';
import { repoRoot } from '../services/paths';
import { loadApi, loadRaw, type LatencySummary } from './harness';
import { benchmarkBooking } from './booking';
import { benchmarkDatabaseBackends } from './database-backends';
import { benchmarkInsights } from './insights';
import { benchmarkMarkers } from './markers';
import type { Scenario } from './scenario';
import { eligibilityCheck } from './scenarios/eligibility-check';
import { feedbackSummary } from './scenarios/feedback-summary';
import { search } from './scenarios/search';

const scenarios: Record<string, Scenario> = {
  [feedbackSummary.name]: feedbackSummary,
  [search.name]: search,
  [eligibilityCheck.name]: eligibilityCheck,
};

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: 'string' },
      connections: { type: 'string', default: '16' },
      seconds: { type: 'string', default: '10' },
    },
  });
  if (positionals[0] === 'markers') {
    await benchmarkMarkers();
    return;
  }
  if (positionals[0] === 'booking') {
    await benchmarkBooking();
    return;
  }
  if (positionals[0] === 'insights') {
    await benchmarkInsights();
    return;
  }
  if (positionals[0] === 'database') {
    await benchmarkDatabaseBackends(Number(values.size ?? 20_000));
    return;
  }
  const scenario = scenarios[positionals[0] ?? ''];
  if (!scenario) {
    throw new Error(
      `Name a scenario: npm run bench -- <${[...Object.keys(scenarios), 'markers', 'database', 'booking', 'insights'].join('|')}>`,
    );
  }
  const size = Number(values.size ?? scenario.defaultSize);
  const connections = Number(values.connections);
  const seconds = Number(values.seconds);

  const server = await startDatabase({
    dataRoot: mkdtempSync(join(tmpdir(), 'harbour-bench-')),
    durable: false,
  });
  const dbName = `bench_${Date.now()}`;
  const uri = databaseUri(server.uri, dbName);
  const client = await MongoClient.connect(uri, { maxPoolSize: connections });
  const db = client.db();
  const port = await freePort();
  const api = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MONGODB_URI: uri,
      HARBOUR_DATABASE_KIND: server.kind,
      ...(server.backend && { HARBOUR_FERRETDB_BACKEND: server.backend }),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'benchmark-session-secret-not-for-use-anywhere',
      STRIPE_SECRET_KEY: 'sk_test_benchmark',
      STRIPE_WEBHOOK_SECRET: 'whsec_benchmark',
      PUBLIC_URL: 'http://127.0.0.1',
      MESSAGE_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      METRICS_TOKEN: 'benchmark-metrics-token',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  try {
    console.log(`Seeding ${size} records for ${scenario.name} on ${server.kind}…`);
    const seedStarted = Date.now();
    await scenario.seed(db, size);
    console.log(`Seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
    await waitForPort(port, 30_000, api);
    await waitForReady(`http://127.0.0.1:${port}/readyz`);

    const url = `http://127.0.0.1:${port}/graphql`;
    // Warm both paths so neither pays for first connections or JIT in the measurement.
    await loadApi({ url, body: scenario.request, connections, seconds: 2 });
    await loadRaw({ operation: () => scenario.raw(db), connections, seconds: 2 });

    const apiResult = await loadApi({ url, body: scenario.request, connections, seconds });
    const baseline = scenario.apiBaseline;
    if (baseline) await loadApi({ url, body: baseline.request, connections, seconds: 2 });
    const baselineResult = baseline
      ? await loadApi({ url, body: baseline.request, connections, seconds })
      : null;
    const rawResult = await loadRaw({ operation: () => scenario.raw(db), connections, seconds });
    const database = server.backend ? `${server.kind}/${server.backend}` : server.kind;
    report(scenario, { size, connections, seconds, database }, apiResult, rawResult);
    if (baseline && baselineResult) reportBaseline(baseline.name, apiResult, baselineResult);
  } finally {
    const exited = new Promise((done) => api.once('exit', done));
    api.kill('SIGTERM');
    await exited;
    await client
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await server.stop();
  }
}

async function waitForReady(url: string) {
  for (let i = 0; i < 100; i += 1) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error('the server did not become ready');
}

function report(
  scenario: Scenario,
  setup: Record<string, unknown>,
  api: LatencySummary,
  raw: LatencySummary,
) {
  const row = (name: string, r: LatencySummary) =>
    `${name.padEnd(12)}${r.throughputPerSecond.toFixed(0).padStart(10)}${r.p50Ms.toFixed(1).padStart(10)}${r.p95Ms.toFixed(1).padStart(10)}${r.p99Ms.toFixed(1).padStart(10)}${String(r.errors).padStart(8)}`;
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  console.log(`\n${scenario.name}: ${scenario.description}`);
  console.log(
    Object.entries(setup)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
  console.log(
    `${''.padEnd(12)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(8)}`,
  );
  console.log(row('API', api));
  console.log(row('raw driver', raw));
  console.log(
    `ratio API/raw: p50 ${ratio(api.p50Ms, raw.p50Ms)}×, p95 ${ratio(api.p95Ms, raw.p95Ms)}×, throughput ${ratio(api.throughputPerSecond, raw.throughputPerSecond)}×`,
  );
}

function reportBaseline(name: string, api: LatencySummary, baseline: LatencySummary) {
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  console.log(
    `${name}: ${baseline.throughputPerSecond.toFixed(0)} req/s, p50 ${baseline.p50Ms.toFixed(1)} ms, p95 ${baseline.p95Ms.toFixed(1)} ms, errors ${baseline.errors}`,
  );
  console.log(
    `ratio API/${name}: p50 ${ratio(api.p50Ms, baseline.p50Ms)}×, p95 ${ratio(api.p95Ms, baseline.p95Ms)}×, throughput ${ratio(api.throughputPerSecond, baseline.throughputPerSecond)}×`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
