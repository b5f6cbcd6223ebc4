/**
 * Updates of one document at once, on the real database. FerretDB v1 writes a whole document
 * back on each update, so without the per-document lease of `oneUpdateAtATime` two updates
 * at once lose one of them, even when they set different fields: a booking moved to EXPIRED
 * came back as OFFERED when a funding update of the same booking overlapped its move.
 */
import mongoose, { Types } from 'mongoose';
import { BookingModel } from '../../server/src/modules/bookings/booking.model';
import { oneUpdateAtATime } from '../../server/src/platform/one-update-at-a-time';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;

/** The plugins a schema was given (a field mongoose keeps but does not type). */
const pluginsOf = (schema: object) => (schema as { plugins: { fn: unknown }[] }).plugins;

beforeAll(async () => {
  harbour = await startTestHarbour();
});

afterAll(async () => {
  await harbour.stop();
});

it('makes every model through the one that takes updates one at a time', () => {
  const without = mongoose
    .modelNames()
    .filter((name) => name !== 'Lease')
    .filter(
      (name) => !pluginsOf(mongoose.model(name).schema).some((p) => p.fn === oneUpdateAtATime),
    );
  expect(mongoose.modelNames().length).toBeGreaterThan(30);
  expect(without).toEqual([]);
});

it('keeps every one of twelve updates of one document made at once', async () => {
  const collection = mongoose.connection.db!.collection('bookings');
  const _id = new Types.ObjectId();
  await collection.insertOne({ _id, state: 'OFFERED', seq: 2 });
  const fields = Array.from({ length: 12 }, (_, i) => `note${i}`);
  await Promise.all(
    fields.map((field) =>
      BookingModel.updateOne({ _id }, { $set: { [field]: field } }, { strict: false }),
    ),
  );
  const stored = await collection.findOne({ _id });
  expect(fields.filter((field) => stored?.[field] !== field)).toEqual([]);
  expect(stored?.state).toBe('OFFERED');
});

it('decides a guarded update once among many made at once', async () => {
  const collection = mongoose.connection.db!.collection('bookings');
  const _id = new Types.ObjectId();
  await collection.insertOne({ _id, state: 'OFFERED', seq: 2 });
  const results = await Promise.all(
    ['CONFIRMED', 'EXPIRED', 'DECLINED', 'CANCELLED', 'RESERVED'].map((state) =>
      BookingModel.updateOne({ _id, seq: 2 }, { $set: { state, seq: 3 } }),
    ),
  );
  expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
});
