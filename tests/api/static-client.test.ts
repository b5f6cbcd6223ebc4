import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

// A built client of our own (Vite's layout: index.html and hashed files under assets/), so
// the test does not depend on `npm run build` having been run.
const dist = mkdtempSync(join(tmpdir(), 'harbour-client-'));
const script = `export const pages = ${JSON.stringify(
  Array.from({ length: 400 }, (_, i) => `Short breaks page ${i}`),
)};\n`;
const page = `<!doctype html><html lang="en"><head><title>Harbour</title></head><body>${'<p>Find short breaks near you.</p>'.repeat(80)}<script type="module" src="/assets/index-3f9a1c2b.js"></script></body></html>`;
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), page);
writeFileSync(join(dist, 'assets', 'index-3f9a1c2b.js'), script);

let harbour: TestHarbour;

beforeAll(async () => {
  harbour = await startTestHarbour({ CLIENT_DIST: dist });
});

afterAll(async () => {
  await harbour.stop();
});

/** The raw answer, undecoded (fetch would decompress and hide the encoding). */
function get(path: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const url = new URL(path, harbour.url);
    request(
      url,
      { headers: { 'accept-encoding': acceptEncoding, accept: 'text/html,*/*' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    )
      .on('error', reject)
      .end();
  });
}

it('serves hashed assets brotli-compressed where the browser takes it, cached for a year', async () => {
  const answer = await get('/assets/index-3f9a1c2b.js', 'gzip, deflate, br');
  expect(answer.headers['content-encoding']).toBe('br');
  expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
  expect(brotliDecompressSync(answer.body).toString()).toBe(script);
});

it('falls back to gzip, and to plain text for a client that takes neither', async () => {
  const gzipped = await get('/assets/index-3f9a1c2b.js', 'gzip');
  expect(gzipped.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzipped.body).toString()).toBe(script);

  const plain = await get('/assets/index-3f9a1c2b.js', 'identity');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(script);
});

it('compresses the page for every client-side path, and asks browsers to check it each time', async () => {
  for (const path of ['/', '/providers/sign-up', '/admin']) {
    const answer = await get(path, 'br');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(answer.body).toString()).toBe(page);
  }
});
