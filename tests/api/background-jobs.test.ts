import { JobModel } from '../../server/src/modules/jobs/job.model';
import { JobQueue } from '../../server/src/modules/jobs/job.service';
import { JobWorker } from '../../server/src/modules/jobs/job.worker';
import { createLogger } from '../../server/src/platform/logger';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
const queue = new JobQueue();
const log = createLogger('silent');

beforeAll(async () => {
  harbour = await startTestHarbour();
});

afterAll(async () => {
  await harbour.stop();
});

beforeEach(async () => {
  await JobModel.deleteMany({});
});

it('runs each job exactly once when several workers compete for them', async () => {
  const runs = new Map<number, number>();
  const handlers = {
    count: async (payload: Record<string, unknown>) => {
      const n = Number(payload.n);
      runs.set(n, (runs.get(n) ?? 0) + 1);
    },
  };
  for (let n = 0; n < 60; n += 1) await queue.enqueue('count', { n });

  const workers = [1, 2, 3, 4, 5, 6].map(() => new JobWorker({ queue, handlers, log }));
  const done = await Promise.all(workers.map((worker) => worker.drain()));

  expect(done.reduce((a, b) => a + b, 0)).toBe(60);
  expect([...runs.values()].every((count) => count === 1)).toBe(true);
  expect(runs.size).toBe(60);
  expect(await JobModel.countDocuments({ state: 'done' })).toBe(60);
});

it('lets another worker take over a job whose lease ran out', async () => {
  await queue.enqueue('stuck', {});
  const crashed = await queue.claim(['stuck'], 'worker-that-died', 50);
  expect(crashed).not.toBeNull();
  expect(await queue.claim(['stuck'], 'worker-b', 60_000)).toBeNull();

  await new Promise((wait) => setTimeout(wait, 80));
  const taken = await queue.claim(['stuck'], 'worker-b', 60_000);
  expect(taken?.id).toBe(crashed?.id);
  expect(taken?.attempts).toBe(2);
  // The worker that lost its lease can no longer complete the job.
  expect(await queue.complete(crashed!, 'worker-that-died')).toBe(false);
  expect(await queue.complete(taken!, 'worker-b')).toBe(true);
});

it('retries a failing job later with backoff, then gives up after its attempts', async () => {
  const id = await queue.enqueue('flaky', {}, { maxAttempts: 2 });
  const worker = new JobWorker({
    queue,
    handlers: { flaky: async () => Promise.reject(new Error('provider timed out')) },
    log,
  });

  expect(await worker.drain()).toBe(1);
  const retried = await JobModel.findById(id).lean();
  expect(retried).toMatchObject({ state: 'queued', attempts: 1, lastError: 'provider timed out' });
  expect(retried!.runAt.getTime()).toBeGreaterThan(Date.now());

  await JobModel.updateOne({ _id: id }, { $set: { runAt: new Date() } });
  expect(await worker.drain()).toBe(1);
  expect(await JobModel.findById(id).lean()).toMatchObject({ state: 'failed', attempts: 2 });
});

it('keeps one waiting job per key, and frees the key once it has run', async () => {
  const first = await queue.enqueue(
    'refresh',
    { district: 'Torridge' },
    { key: 'refresh:Torridge' },
  );
  const again = await queue.enqueue(
    'refresh',
    { district: 'Torridge' },
    { key: 'refresh:Torridge' },
  );
  expect(again).toBe(first);
  expect(await JobModel.countDocuments({ name: 'refresh' })).toBe(1);

  await new JobWorker({ queue, handlers: { refresh: async () => undefined }, log }).drain();
  const next = await queue.enqueue(
    'refresh',
    { district: 'Torridge' },
    { key: 'refresh:Torridge' },
  );
  expect(next).not.toBe(first);
});
