// The results map with 5,000 markers against the same map with 50, in headless Chromium.
// Serves the built client (client/dist) as it is, answers its GraphQL requests with a synthetic
// directorySearch, and times each search from the moment its response reaches the page to the
// first frame that shows the clustered markers. Builds nothing: run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../services/chromium';
import { repoRoot } from '../services/paths';

const DIST = join(repoRoot, 'client/dist');
const SIZES = { baseline: 50, large: 5000 } as const;
const RUNS = 5;
// The search answers this late, so the map (loaded on demand) is ready and waiting for it, and
// the time measured is the map's own work, not the download of Leaflet.
const RESPONSE_DELAY_MS = 500;
const PAGE = '/families/find?place=EX39&distance=50';

// The production server's Content-Security-Policy, so a map that breaks it fails here too.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://tile.openstreetmap.org https://*.tile.openstreetmap.org",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

// A 1×1 PNG for every map tile: this machine has no internet.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Runs in the page before its own scripts: notes when the search answer arrives and when
 * the first frame with markers on the map has been drawn. */
function timingProbe() {
  const probe = { responseAt: -1, drawnAt: -1 };
  (window as unknown as { markerBench: typeof probe }).markerBench = probe;
  const pageFetch = window.fetch.bind(window);
  window.fetch = async (resource, init) => {
    const response = await pageFetch(resource, init);
    if (typeof init?.body === 'string' && init.body.includes('directorySearch(')) {
      probe.responseAt = performance.now();
    }
    return response;
  };
  const observer = new MutationObserver(() => {
    if (probe.responseAt < 0 || !document.querySelector('.harbour-map .leaflet-marker-icon'))
      return;
    observer.disconnect();
    // The markers are in the page; the frame that shows them is done after the next paint.
    requestAnimationFrame(() => setTimeout(() => (probe.drawnAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** mulberry32, so that every run clusters the same points. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A first page of results with `count` markers spread over Devon, as the API shapes it. */
function searchResponse(count: number): string {
  const random = seeded(count);
  const markers = Array.from({ length: count }, (_, i) => ({
    id: `bench${i}:location${i}`,
    lat: 50.25 + random() * 0.95,
    lng: -4.45 + random() * 1.6,
    name: `Synthetic service ${i}`,
    providerName: `Synthetic provider ${i % 97}`,
  }));
  const edges = markers.slice(0, 20).map((marker, i) => ({
    node: {
      id: marker.id,
      name: marker.name,
      providerName: marker.providerName,
      type: 'INCLUSIVE_ACTIVITY',
      minAge: 5,
      maxAge: 18,
      distanceKm: i * 0.7,
      costFrom: { amountPence: 1200, currency: 'GBP' },
      funding: ['PERSONAL_BUDGET', 'DIRECT_PAYMENT'],
      registrationSummary: [
        'Not registered with Ofsted or CQC. This kind of service does not have to be.',
      ],
      lastVerifiedAt: '2026-01-15T10:00:00.000Z',
    },
  }));
  return JSON.stringify({
    data: {
      directorySearch: {
        userErrors: [],
        place: {
          postcode: 'EX39',
          town: 'Bideford',
          district: 'Torridge',
          lat: 51.016,
          lng: -4.206,
        },
        results: {
          totalCount: count,
          edges,
          pageInfo: { hasNextPage: count > 20, endCursor: 'cDoxOQ' },
        },
        markers,
      },
    },
  });
}

function serveClient(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(DIST, path);
    const isAsset = file.startsWith(DIST) && extname(file) !== '' && existsSync(file);
    // Any other address is a page of the single-page app.
    const served = isAsset ? file : join(DIST, 'index.html');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
    });
    response.end(readFileSync(served));
  });
  return new Promise((listening) => server.listen(0, '127.0.0.1', () => listening(server)));
}

/** One page load: milliseconds from the search response to the clustered markers drawn. */
async function measure(browser: Browser, origin: string, body: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(timingProbe);
  await page.route(/tile\.openstreetmap\.org/, (route) =>
    route.fulfill({ contentType: 'image/png', body: TILE }),
  );
  await page.route('**/graphql', async (route) => {
    if (!route.request().postData()?.includes('directorySearch(')) {
      await route.fulfill({ contentType: 'application/json', body: '{"data":{"viewer":null}}' });
      return;
    }
    await new Promise((wait) => setTimeout(wait, RESPONSE_DELAY_MS));
    await route.fulfill({ contentType: 'application/json', body });
  });
  try {
    await page.goto(`${origin}${PAGE}`);
    await page.waitForFunction(
      () => (window as unknown as { markerBench: { drawnAt: number } }).markerBench.drawnAt >= 0,
      undefined,
      { timeout: 30_000 },
    );
    if (problems.length > 0) throw new Error(`The page reported errors: ${problems.join('; ')}`);
    const { responseAt, drawnAt } = await page.evaluate(
      () =>
        (window as unknown as { markerBench: { responseAt: number; drawnAt: number } }).markerBench,
    );
    return drawnAt - responseAt;
  } finally {
    await context.close();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export async function benchmarkMarkers(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('The client is not built: run `npm run build` first');
  }
  const server = await serveClient();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const bodies = { baseline: searchResponse(SIZES.baseline), large: searchResponse(SIZES.large) };
    const times: Record<keyof typeof SIZES, number[]> = { baseline: [], large: [] };
    // One of each first, not counted, so neither pays for a cold browser; then alternate, so
    // any drift in the machine's speed falls on both alike.
    await measure(browser, origin, bodies.baseline);
    await measure(browser, origin, bodies.large);
    for (let run = 0; run < RUNS; run += 1) {
      times.baseline.push(await measure(browser, origin, bodies.baseline));
      times.large.push(await measure(browser, origin, bodies.large));
    }
    const baseline = median(times.baseline);
    const large = median(times.large);
    const runs = (values: number[]) => values.map((ms) => ms.toFixed(1)).join(', ');
    console.log('\nmarkers: search response → clustered markers drawn on the results map');
    console.log(
      `median of ${RUNS} runs in headless Chromium, response delayed ${RESPONSE_DELAY_MS} ms`,
    );
    console.log(
      `${String(SIZES.baseline).padStart(6)} markers: ${baseline.toFixed(1)} ms (${runs(times.baseline)})`,
    );
    console.log(
      `${String(SIZES.large).padStart(6)} markers: ${large.toFixed(1)} ms (${runs(times.large)})`,
    );
    console.log(`ratio ${SIZES.large}/${SIZES.baseline}: ${(large / baseline).toFixed(2)}×`);
  } finally {
    await browser.close();
    await new Promise((closed) => server.close(closed));
  }
}

if (require.main === module) {
  benchmarkMarkers().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
