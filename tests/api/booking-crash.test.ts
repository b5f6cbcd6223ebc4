/**
 * The server killed with SIGKILL at each step between claiming a place and recording the
 * booking: after a restart, the reconciler leaves places, waiting lists and bookings
 * consistent, with no place lost or sold twice, and the same request can be made again.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { databaseUri } from '../../scripts/services/database';
import { freePort } from '../../scripts/services/process';
import {
  BookingModel,
  BookingRequestModel,
  CapacityClaimModel,
} from '../../server/src/modules/bookings/booking.model';
import { budgetYearOf } from '@harbour/shared';
import { personalFundId } from '../../server/src/modules/budgets/fund.model';
import { signInDemo } from '../support/accounts';
import { book, bookableService, childrenOf, createSeries, dayFromToday } from '../support/bookings';
import {
  eventually,
  postGraphQL,
  startTestHarbour,
  testDatabaseServer,
  type TestHarbour,
} from '../support/harbour';

const root = join(__dirname, '../..');
let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;
let listingId: string;
let sam: string;

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
  ({ listingId } = await bookableService(harbour, demo.provider, {
    funding: ['POOLED_FUND', 'PERSONAL_BUDGET', 'SELF_PAY'],
  }));
  sam = (await childrenOf(harbour, demo.parent)).get('Sam')!;
});

afterAll(async () => {
  await harbour.stop();
});

/** A second Harbour server process on the same database, as a real deployment would run. */
async function serverProcess(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: databaseUri(testDatabaseServer().uri, harbour.databaseName),
      DEMO_SEED: 'false',
      WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => expect((await fetch(`${url}/readyz`)).status).toBe(200), 30_000);
  return { url, exited, stop: () => child.kill('SIGTERM') };
}

const BOOK = `mutation($input: BookingCreateInput!) { bookingCreate(input: $input) {
  userErrors { code message } bookings { id state } } }`;

const samsBudget = () =>
  harbour.harbour.services.ledger.balance(
    `fund:${personalFundId('PERSONAL_BUDGET', sam, budgetYearOf().startYear)}`,
  );

describe.each([
  'after-place-claims',
  'after-support-claims',
  'after-booking-insert',
  // The money: in the middle of holding the budget's part, after it, after every part.
  'after-ledger-leg',
  'after-first-hold',
  'after-holds',
])('killed %s', (point) => {
  it('restarts with nothing lost or sold twice, and the same request books once', async () => {
    const created = await createSeries(
      harbour,
      demo.provider,
      listingId,
      { pattern: 'ONE_OFF', firstDate: dayFromToday(6) },
      { places: 2, staff: 4 },
    );
    const sessionId = created.sessions[0]!.id;
    const input = { childId: sam, sessionIds: [sessionId], idempotencyKey: `crash-${point}` };
    // Split funded: a fresh pool (so Sam has £5 of its cap left) and Sam's budget for the rest.
    const pool = await postGraphQL<{ pooledFundCreate: { account: { id: string } } }>(
      harbour.url,
      'mutation { pooledFundCreate(input: { name: "Crash test pool", totalPence: 100000, perChildCapPence: 500 }) { account { id } } }',
      {},
      demo.commissioner,
    );
    const poolId = pool.body.data!.pooledFundCreate.account.id;
    const poolLeft = () => harbour.harbour.services.ledger.balance(`fund:${poolId}`);
    const budgetBefore = await samsBudget();

    const doomed = await serverProcess({ HARBOUR_CRASH_AT: point });
    await expect(postGraphQL(doomed.url, BOOK, { input }, demo.parent)).rejects.toThrow();
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Left half-done: units held (and, at the last step, a reservation) for an unanswered request.
    expect(await CapacityClaimModel.countDocuments({ session: sessionId })).toBeGreaterThan(0);

    const restarted = await serverProcess({ RECONCILE_GRACE_SECONDS: '0' });
    try {
      await eventually(async () => {
        const held = await CapacityClaimModel.countDocuments({ session: sessionId });
        const live = await BookingModel.countDocuments({
          session: sessionId,
          state: { $in: ['RESERVED', 'CONFIRMED'] },
        });
        expect({ held, live }).toEqual({ held: 0, live: 0 });
        // No orphan hold: whatever the budget had held went back, and the books balance.
        expect(await samsBudget()).toBe(budgetBefore);
        expect(await poolLeft()).toBe(100_000);
        expect(
          await BookingRequestModel.countDocuments({ _id: { $regex: `crash-${point}$` } }),
        ).toBe(0);
      });
      expect((await harbour.harbour.services.ledger.check()).breaches).toEqual([]);

      // The family tries again with the same key: one booking, both places counted right.
      const retry = await postGraphQL<{
        bookingCreate: { userErrors: unknown[]; bookings: { id: string; state: string }[] };
      }>(restarted.url, BOOK, { input }, demo.parent);
      expect(retry.body.data!.bookingCreate.userErrors).toEqual([]);
      expect(retry.body.data!.bookingCreate.bookings.map((b) => b.state)).toEqual(['CONFIRMED']);
      expect(await samsBudget()).toBe(budgetBefore - 700);
      expect(await poolLeft()).toBe(100_000 - 500);
      const again = await postGraphQL<{
        bookingCreate: { bookings: { id: string }[] };
      }>(restarted.url, BOOK, { input }, demo.parent);
      expect(again.body.data!.bookingCreate.bookings[0]!.id).toBe(
        retry.body.data!.bookingCreate.bookings[0]!.id,
      );
      const riley = (await childrenOf(harbour, demo.parent)).get('Riley')!;
      const second = await book(harbour, demo.parent, {
        childId: riley,
        sessionIds: [sessionId],
      });
      expect(second.bookings[0]!.session.placesLeft).toBe(0);
    } finally {
      restarted.stop();
      await restarted.exited;
    }
  }, 120_000);
});
