/**
 * OpenActive open data: the dataset page and the RPDE feeds of session series and scheduled
 * sessions, each item checked with OpenActive's own validator (offline, against the activity
 * list kept in shared/standards) and the feeds walked with its RPDE validator on localhost.
 */
import { validate } from '@openactive/data-model-validator';
import { RpdeValidator } from '@openactive/rpde-validator';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/services/process';
import { orukId } from '../../server/src/modules/oruk/oruk.ids';
import { signInDemo } from '../support/accounts';
import { book, bookableService, childrenOf, createSeries, dayFromToday } from '../support/bookings';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let cachePath: string;
let base: string;
let serviceId: string;
let seriesId: string;

type Feed = {
  next: string;
  items: {
    state: string;
    kind: string;
    id: string;
    modified: number;
    data: Record<string, unknown>;
  }[];
  license: string;
};

/** The validator's remote-JSON cache, filled from the standards kept in this repository. */
function offlineCache(): string {
  const folder = mkdtempSync(join(tmpdir(), 'openactive-'));
  const lists = {
    'https://openactive.io/activity-list': 'activity-list.jsonld',
    'https://openactive.io/accessibility-support': 'accessibility-support.jsonld',
  };
  for (const [url, file] of Object.entries(lists)) {
    const data = JSON.parse(
      readFileSync(join(__dirname, '../../shared/standards/openactive', file), 'utf8'),
    );
    const key = createHash('sha256').update(url).digest('hex');
    writeFileSync(
      join(folder, `${key}.json`),
      JSON.stringify({
        errorCode: 'error_none',
        data,
        statusCode: 200,
        url,
        exception: null,
        contentType: 'application/ld+json',
        fetchTime: Date.now(),
      }),
    );
  }
  return folder;
}

beforeAll(async () => {
  // Links in the feeds must be real absolute URLs (the validators refuse loopback addresses
  // but take localhost), and the RPDE validator follows them: the server answers on both.
  const port = await freePort();
  harbour = await startTestHarbour({
    DEMO_SEED: 'true',
    HOST: '::',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
  });
  base = `http://localhost:${port}`;
  cachePath = offlineCache();
  const demo = await signInDemo(harbour);
  let listingId: string;
  ({ listingId, serviceId } = await bookableService(harbour, demo.provider, {
    accessibilitySupport: [
      'https://openactive.io/accessibility-support#1393f2dc-3fcc-4be9-a99f-f1e51f5ad277',
    ],
  }));
  const weekly = await createSeries(
    harbour,
    demo.provider,
    listingId,
    { pattern: 'WEEKLY', firstDate: dayFromToday(2), count: 3 },
    { places: 4, minAge: 8, maxAge: 16 },
  );
  seriesId = weekly.seriesId!;
  const sam = (await childrenOf(harbour, demo.parent)).get('Sam')!;
  await book(harbour, demo.parent, { childId: sam, sessionIds: [weekly.sessions[0]!.id] });
  await harbour.graphql(
    'mutation($id: ID!) { sessionCancel(input: { sessionId: $id, reason: "Hall closed" }) { userErrors { message } } }',
    { id: weekly.sessions[2]!.id },
    demo.provider,
  );
});

afterAll(async () => {
  await harbour.stop();
});

// Parsed here rather than by fetch's own .json(): fetch runs outside jest's sandbox, and its
// arrays fail the validator's `instanceof Array` checks.
const get = async <T>(path: string) =>
  JSON.parse(await (await fetch(`${base}${path}`)).text()) as T;

it('describes the dataset and where its feeds are', async () => {
  const dataset = await get<{ '@type': string; distribution: { contentUrl: string }[] }>(
    '/api/openactive/',
  );
  expect(dataset['@type']).toBe('Dataset');
  expect(dataset.distribution.map((d) => new URL(d.contentUrl).pathname)).toEqual([
    '/api/openactive/session-series',
    '/api/openactive/scheduled-sessions',
  ]);
});

it('publishes scheduled sessions with places left, age range, offers and status', async () => {
  const feed = await get<Feed>('/api/openactive/scheduled-sessions');
  // This test's own series among the demo world's.
  const sessions = feed.items
    .map((item) => item.data)
    .filter((s) => String(s.superEvent).endsWith(`/session-series/${seriesId}`))
    .sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)));
  expect(sessions).toHaveLength(3);
  expect(sessions.map((s) => s.remainingAttendeeCapacity)).toEqual([3, 4, 0]);
  expect(sessions.map((s) => s.eventStatus)).toEqual([
    'https://schema.org/EventScheduled',
    'https://schema.org/EventScheduled',
    'https://schema.org/EventCancelled',
  ]);
  const series = (await get<Feed>('/api/openactive/session-series')).items.find(
    (item) => item.id === seriesId,
  )!.data;
  expect(series.ageRange).toEqual({ '@type': 'QuantitativeValue', minValue: 8, maxValue: 16 });
  expect(series.offers).toEqual([expect.objectContaining({ price: 12, priceCurrency: 'GBP' })]);
  expect(series.accessibilitySupport).toEqual([
    expect.objectContaining({ prefLabel: expect.any(String) }),
  ]);
});

it('a booking changes the session’s item, which moves to the end of the feed', async () => {
  const before = await get<Feed>('/api/openactive/scheduled-sessions');
  const last = before.items.at(-1)!;
  const after = await get<Feed>(
    `/api/openactive/scheduled-sessions?afterTimestamp=${last.modified}&afterId=${last.id}`,
  );
  expect(after.items).toEqual([]);
  expect(new URL(after.next).search).toBe(`?afterTimestamp=${last.modified}&afterId=${last.id}`);
});

it.each(['session-series', 'scheduled-sessions'])(
  'every %s item passes OpenActive’s data model validator with no failures',
  async (feed) => {
    const { items } = await get<Feed>(`/api/openactive/${feed}`);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const problems = await validate(item.data, {
        loadRemoteJson: true,
        remoteJsonCachePath: cachePath,
        remoteJsonCacheTimeToLive: 10 * 365 * 24 * 3600,
        version: '2.0',
      });
      const failures = problems.filter((p) => p.severity === 'failure');
      expect({ id: item.id, failures }).toEqual({ id: item.id, failures: [] });
    }
  },
);

it.each(['session-series', 'scheduled-sessions'])(
  'the %s feed passes OpenActive’s RPDE validator walked over HTTP',
  async (feed) => {
    const log = await RpdeValidator(`${base}/api/openactive/${feed}`, {
      timeoutMs: 10_000,
      pageLimit: 5,
      logCallback: () => undefined,
    });
    const pages = log.pages;
    expect(pages.length).toBeGreaterThan(1); // the first page and the empty last one
    const failures = pages.flatMap((page) =>
      page.errors.filter((e) => e.severity === 'failure').map((e) => ({ url: page.url, ...e })),
    );
    expect(failures).toEqual([]);
  },
);

it('the ORUK API publishes the same places as service_capacity', async () => {
  const service = await get<{ service_capacity: { maximum: number; available: number }[] }>(
    `/api/oruk/services/${orukId('service', serviceId)}`,
  );
  // Two sessions of four places in the next 28 days (the third is cancelled), one booked.
  expect(service.service_capacity).toEqual([
    expect.objectContaining({
      maximum: 8,
      available: 7,
      unit: expect.objectContaining({ name: 'places' }),
    }),
  ]);
});
