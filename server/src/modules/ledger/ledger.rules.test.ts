import fc from 'fast-check';
import {
  applicationOrder,
  canMoveJournal,
  checkChain,
  journalProblem,
  mayGoNegative,
  reversed,
  type Breach,
} from './ledger.rules';

describe('a journal', () => {
  it('balances: its postings sum to zero, in whole pence, each account once', () => {
    expect(
      journalProblem([
        { account: 'world:council', amountPence: -5000 },
        { account: 'fund:abc', amountPence: 5000 },
      ]),
    ).toBeNull();
    expect(
      journalProblem([
        { account: 'world:council', amountPence: -5000 },
        { account: 'fund:abc', amountPence: 4999 },
      ]),
    ).toBe('The postings add up to -1p, not zero');
    expect(
      journalProblem([
        { account: 'fund:abc', amountPence: 0.5 },
        { account: 'world:council', amountPence: -0.5 },
      ]),
    ).toBe('Every posting must be a whole, non-zero number of pence');
    expect(journalProblem([{ account: 'fund:abc', amountPence: 1 }])).toBe(
      'A journal needs at least two postings',
    );
    expect(
      journalProblem([
        { account: 'fund:abc', amountPence: 1 },
        { account: 'fund:abc', amountPence: -1 },
      ]),
    ).toBe('fund:abc appears twice: combine its postings');
  });

  it('takes money out of guarded accounts first, so only those debits are ever undone', () => {
    const order = applicationOrder([
      { account: 'hold:b1:pool', amountPence: 700 },
      { account: 'fund:pool', amountPence: -700 },
      { account: 'allowance-grant:pool', amountPence: 300 },
      { account: 'allowance:pool:c1:2026', amountPence: -300 },
    ]);
    expect(order).toEqual([3, 1, 2, 0]);
  });

  it('moves PENDING → POSTED, or FAILING → FAILED, and never out of an end state', () => {
    expect(canMoveJournal('PENDING', 'POSTED')).toBe(true);
    expect(canMoveJournal('PENDING', 'FAILING')).toBe(true);
    expect(canMoveJournal('FAILING', 'FAILED')).toBe(true);
    expect(canMoveJournal('POSTED', 'FAILING')).toBe(false);
    expect(canMoveJournal('FAILED', 'POSTED')).toBe(false);
  });

  it('is undone by its reversal (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (amounts) => {
        const postings = amounts.map((amountPence, i) => ({ account: `fund:a${i}`, amountPence }));
        const both = [...postings, ...reversed(postings)];
        expect(both.reduce((sum, p) => sum + p.amountPence, 0)).toBe(0);
      }),
    );
  });
});

describe('accounts', () => {
  it('only the world outside and pool allowances’ grants may go below zero', () => {
    expect(mayGoNegative('world:council')).toBe(true);
    expect(mayGoNegative('allowance-grant:pool1')).toBe(true);
    expect(mayGoNegative('fund:pb1')).toBe(false);
    expect(mayGoNegative('hold:b1:card')).toBe(false);
    expect(mayGoNegative('owed:org1')).toBe(false);
  });

  it('a chain is numbered without gaps, each balance following the last, never below zero', () => {
    const entry = (seq: number, amountPence: number, balancePence: number) => ({
      account: 'fund:a',
      seq,
      journal: `j${seq}`,
      amountPence,
      balancePence,
    });
    const good: Breach[] = [];
    expect(checkChain('fund:a', [entry(1, 500, 500), entry(2, -200, 300)], good)).toBe(300);
    expect(good).toEqual([]);

    const bad: Breach[] = [];
    checkChain('fund:a', [entry(1, 500, 500), entry(3, -700, -200)], bad);
    expect(bad.map((b) => b.kind)).toEqual(['BROKEN_CHAIN', 'NEGATIVE_BALANCE']);
  });
});
