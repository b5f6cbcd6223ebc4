/**
 * The ledger on the real database: concurrent movements never take a guarded account below
 * zero, each idempotency key applies once, and every invariant holds after any interleaving.
 */
import fc from 'fast-check';
import type { LedgerService } from '../../server/src/modules/ledger/ledger.service';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let ledger: LedgerService;
const system = { kind: 'SYSTEM' as const };

beforeAll(async () => {
  harbour = await startTestHarbour();
  ledger = harbour.harbour.services.ledger;
});

afterAll(async () => {
  await harbour.stop();
});

let run = 0;
const fresh = (name: string) => `${name}${(run += 1)}`;

function allocate(fund: string, amountPence: number, key = fresh('alloc')) {
  return ledger.post({
    key,
    reason: 'ALLOCATION',
    postings: [
      { account: 'world:council', amountPence: -amountPence },
      { account: `fund:${fund}`, amountPence },
    ],
    memo: 'Allocation',
    actor: system,
  });
}

function hold(fund: string, booking: string, amountPence: number, key = `hold:${booking}:${fund}`) {
  return ledger.post({
    key,
    reason: 'HOLD',
    postings: [
      { account: `fund:${fund}`, amountPence: -amountPence },
      { account: `hold:${booking}:${fund}`, amountPence },
    ],
    memo: 'Hold at booking',
    actor: system,
  });
}

describe('the ledger', () => {
  it('posts a balanced movement once, however often its key is sent', async () => {
    const fund = fresh('pb');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => allocate(fund, 5000, `alloc-once:${fund}`)),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await ledger.balance(`fund:${fund}`)).toBe(5000);
    const reused = await ledger.post({
      key: `alloc-once:${fund}`,
      reason: 'ALLOCATION',
      postings: [
        { account: 'world:council', amountPence: -9000 },
        { account: `fund:${fund}`, amountPence: 9000 },
      ],
      memo: 'Allocation',
      actor: system,
    });
    expect(reused).toMatchObject({ ok: false, code: 'KEY_REUSED' });
  });

  it('refuses an unbalanced or fractional journal, changing nothing', async () => {
    const fund = fresh('pb');
    const outcome = await ledger.post({
      key: fresh('bad'),
      reason: 'ALLOCATION',
      postings: [
        { account: 'world:council', amountPence: -100 },
        { account: `fund:${fund}`, amountPence: 99.5 },
      ],
      memo: 'Allocation',
      actor: system,
    });
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await ledger.balance(`fund:${fund}`)).toBe(0);
  });

  it('50 concurrent holds on a nearly spent fund: never below zero, each refusal says why', async () => {
    for (let round = 0; round < 3; round += 1) {
      const fund = fresh('pb');
      await allocate(fund, 10_000);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => hold(fund, `b${round}-${i}`, 1500)),
      );
      const held = outcomes.filter((o) => o.ok);
      expect(held).toHaveLength(6);
      for (const refused of outcomes.filter((o) => !o.ok)) {
        expect(refused).toMatchObject({
          code: 'INSUFFICIENT_FUNDS',
          account: `fund:${fund}`,
          neededPence: 1500,
        });
      }
      expect(await ledger.balance(`fund:${fund}`)).toBe(1000);
    }
    const check = await ledger.check();
    expect(check.breaches).toEqual([]);
  });

  it('a movement that fails part-way undoes what it had applied', async () => {
    const [pool, allowance] = [fresh('pool'), fresh('allowance')];
    await allocate(pool, 10_000);
    await ledger.post({
      key: fresh('grant'),
      reason: 'ALLOWANCE',
      postings: [
        { account: `allowance-grant:${pool}`, amountPence: -500 },
        { account: `allowance:${allowance}`, amountPence: 500 },
      ],
      memo: 'Cap',
      actor: system,
    });
    const outcome = await ledger.post({
      key: fresh('draw'),
      reason: 'HOLD',
      postings: [
        { account: `fund:${pool}`, amountPence: -800 },
        { account: `hold:x:${pool}`, amountPence: 800 },
        { account: `allowance:${allowance}`, amountPence: -800 },
        { account: `allowance-grant:${pool}`, amountPence: 800 },
      ],
      memo: 'Draw',
      actor: system,
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_FUNDS',
      account: `allowance:${allowance}`,
      availablePence: 500,
    });
    expect(await ledger.balance(`fund:${pool}`)).toBe(10_000);
    expect(await ledger.balance(`hold:x:${pool}`)).toBe(0);
    expect((await ledger.check()).breaches).toEqual([]);
  });

  it('keeps every invariant under random interleavings from concurrent workers (fast-check)', async () => {
    type Op =
      | { kind: 'allocate'; fund: number; amount: number }
      | {
          kind: 'hold' | 'release' | 'capture' | 'refund';
          fund: number;
          booking: number;
          amount: number;
        }
      | { kind: 'topUp'; booking: number; amount: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('allocate' as const),
        fund: fc.nat(2),
        amount: fc.integer({ min: 1, max: 5000 }),
      }),
      fc.record({
        kind: fc.constantFrom(
          'hold' as const,
          'release' as const,
          'capture' as const,
          'refund' as const,
        ),
        fund: fc.nat(2),
        booking: fc.nat(4),
        amount: fc.integer({ min: 1, max: 3000 }),
      }),
      fc.record({
        kind: fc.constant('topUp' as const),
        booking: fc.nat(4),
        amount: fc.integer({ min: 1, max: 3000 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { maxLength: 8 }), { minLength: 2, maxLength: 4 }),
        async (workers) => {
          const tag = fresh('p');
          const fund = (n: number) => `fund:${tag}f${n}`;
          const holdOf = (n: number, b: number) => `hold:${tag}b${b}:f${n}`;
          const owed = `owed:${tag}org`;
          let k = 0;
          const move = (
            reason: 'ALLOCATION' | 'HOLD' | 'RELEASE' | 'CAPTURE' | 'REFUND' | 'CARD_PAYMENT',
            from: string,
            to: string,
            amount: number,
          ) =>
            ledger.post({
              key: `${tag}:${(k += 1)}`,
              reason,
              postings: [
                { account: from, amountPence: -amount },
                { account: to, amountPence: amount },
              ],
              memo: reason,
              actor: system,
            });
          const apply = (o: Op) => {
            switch (o.kind) {
              case 'allocate':
                return move('ALLOCATION', 'world:council', fund(o.fund), o.amount);
              case 'hold':
                return move('HOLD', fund(o.fund), holdOf(o.fund, o.booking), o.amount);
              case 'release':
                return move('RELEASE', holdOf(o.fund, o.booking), fund(o.fund), o.amount);
              case 'capture':
                return move('CAPTURE', holdOf(o.fund, o.booking), owed, o.amount);
              case 'refund':
                return move('REFUND', owed, fund(o.fund), o.amount);
              case 'topUp':
                return move('CARD_PAYMENT', 'world:card', holdOf(9, o.booking), o.amount);
            }
          };
          await Promise.all(
            workers.map(async (ops) => {
              for (const o of ops) await apply(o);
            }),
          );
          const accounts = [
            ...[0, 1, 2].map(fund),
            ...[0, 1, 2, 9].flatMap((f) => [0, 1, 2, 3, 4].map((b) => holdOf(f, b))),
            owed,
          ];
          const balances = await ledger.balances(accounts);
          for (const balance of balances.values()) expect(balance).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 15 },
    );
    const check = await ledger.check();
    expect(check.breaches).toEqual([]);
    expect(check.headsRebuilt).toBe(0);
  });
});
