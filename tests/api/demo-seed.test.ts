import mongoose from 'mongoose';
import { seedDemoData } from '../../server/src/modules/demo/demo-seed';
import { createLogger } from '../../server/src/platform/logger';
import type { Step } from '../../server/src/platform/steps';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
const log = createLogger('silent');

beforeAll(async () => {
  harbour = await startTestHarbour();
});

afterAll(async () => {
  await harbour.stop();
});

/** A demo step that upserts one place and counts how often it really ran. */
function countingStep(id: string, runs: { count: number }, fail = false): Step {
  return {
    id,
    async apply() {
      runs.count += 1;
      if (fail) throw new Error('tile server unreachable');
      await mongoose.connection
        .collection('demo_places')
        .updateOne({ _id: id as never }, { $set: { name: 'Bideford' } }, { upsert: true });
    },
  };
}

it('seeds each versioned step once, however often it is started', async () => {
  const runs = { count: 0 };
  const steps = [countingStep('places-v1', runs)];
  expect(await seedDemoData(log, steps)).toEqual(['places-v1']);
  expect(await seedDemoData(log, steps)).toEqual([]);
  expect(runs.count).toBe(1);
  expect(
    await mongoose.connection.collection('demo_seed').findOne({ _id: 'places-v1' as never }),
  ).toMatchObject({
    state: 'applied',
  });
});

it('applies a new version of the demo data on the next start', async () => {
  const runs = { count: 0 };
  expect(
    await seedDemoData(log, [countingStep('places-v1', runs), countingStep('places-v2', runs)]),
  ).toEqual(['places-v2']);
  expect(runs.count).toBe(1);
});

it('lets only one of several processes starting together apply a step', async () => {
  const runs = { count: 0 };
  const steps = [countingStep('together-v1', runs)];
  const results = await Promise.all([1, 2, 3, 4].map(() => seedDemoData(log, steps)));
  expect(results.flat()).toEqual(['together-v1']);
  expect(runs.count).toBe(1);
});

it('tries a failed step again on the next start, naming it in the error', async () => {
  const runs = { count: 0 };
  await expect(seedDemoData(log, [countingStep('flaky-v1', runs, true)])).rejects.toThrow(
    'demo_seed step "flaky-v1" failed: tile server unreachable',
  );
  expect(await seedDemoData(log, [countingStep('flaky-v1', runs)])).toEqual(['flaky-v1']);
  expect(runs.count).toBe(2);
});
