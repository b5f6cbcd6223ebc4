import { cellKey, type Metrics } from './insights.cells';
import {
  ageByMonth,
  budgetYearMonths,
  demandPanel,
  lastTwelveMonths,
  published,
  spendPanel,
  weeksIn,
} from './insights.panels';
import { filterProblem } from './insights.service';

describe('panel arithmetic', () => {
  it('publishes counts the eligibility preview’s way', () => {
    expect(published(0)).toEqual({ value: 0, shown: '0' });
    expect(published(4)).toEqual({ value: null, shown: 'fewer than 5' });
    expect(published(7)).toEqual({ value: 5, shown: '5' });
    expect(published(1234)).toEqual({ value: 1235, shown: '1,235' });
  });

  it('counts ages by month, and the months a panel covers', () => {
    expect(ageByMonth('2008-06', '2026-05')).toBe(17);
    expect(ageByMonth('2008-06', '2026-06')).toBe(18);
    expect(lastTwelveMonths('2026-03')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(budgetYearMonths('2027-02')[0]).toBe('2026-04');
    expect(budgetYearMonths('2027-02')[11]).toBe('2027-03');
    expect(weeksIn('2026-02')).toBe(4);
  });
});

describe('filters', () => {
  it('accepts what Harbour knows and explains what it does not', () => {
    expect(filterProblem({ month: '2026-12', district: 'Exeter', ageBand: '16-17' })).toBeNull();
    expect(filterProblem({ month: '2026-13' })).toMatch(/YYYY-MM/);
    expect(filterProblem({ district: 'Cornwall' })).toMatch(/not a district Harbour knows/);
    expect(filterProblem({ ageBand: '6-9' })).toMatch(/Choose an age band/);
    expect(filterProblem({ timeBand: 'LUNCH' })).toMatch(/not a time of the week/);
    expect(filterProblem({ need: 'HAPPY' })).toMatch(/not a need/);
  });
});

describe('budget money, shown only where at least 5 budgets make it up', () => {
  // Budget year 2026 (April 2026 to March 2027): 3 personal budgets in Torridge, 6 in
  // Exeter, and a pooled fund.
  const cells = new Map<string, Metrics>([
    [cellKey('budgets', 2026, 'PERSONAL_BUDGET', 'Torridge'), { funds: 3 }],
    [cellKey('budgets', 2026, 'PERSONAL_BUDGET', 'Exeter'), { funds: 6 }],
    [cellKey('budgets', 2026, 'POOLED_FUND', 'All of Devon'), { funds: 1 }],
    [
      cellKey('money', 2026, 'PERSONAL_BUDGET', 'Torridge', 'NOT_KNOWN'),
      { allocatedPence: 300_000 },
    ],
    [
      cellKey('money', 2026, 'PERSONAL_BUDGET', 'Torridge', 'SHORT_BREAK'),
      { spentPence: 12_000, heldPence: 3_000 },
    ],
    [cellKey('money', 2026, 'PERSONAL_BUDGET', 'Exeter', 'NOT_KNOWN'), { allocatedPence: 600_000 }],
    [
      cellKey('money', 2026, 'POOLED_FUND', 'All of Devon', 'NOT_KNOWN'),
      { allocatedPence: 1_000_000 },
    ],
  ]);
  const input = (district?: string) => ({
    cells,
    listings: [],
    today: '2026-10-15',
    filter: { month: '2026-10', ...(district && { district }) },
  });
  const pounds = (amountPence: number) => ({ amountPence, currency: 'GBP' });

  it('hides a district with fewer than 5 budgets, and leaves them out of the totals', () => {
    const torridge = spendPanel(input('Torridge'));
    expect(torridge.byFund).toEqual([
      {
        fundKind: 'PERSONAL_BUDGET',
        serviceType: 'NOT_KNOWN',
        allocated: null,
        held: null,
        spent: null,
      },
      {
        fundKind: 'PERSONAL_BUDGET',
        serviceType: 'SHORT_BREAK',
        allocated: null,
        held: null,
        spent: null,
      },
    ]);
    // Not 300,000 − 15,000 recoverable from the totals either.
    expect(torridge.forecast).toMatchObject({
      envelope: pounds(0),
      spent: pounds(0),
      committed: pounds(0),
      leavesOut: ['PERSONAL_BUDGET'],
    });
  });

  it('shows money that 5 or more budgets make up', () => {
    const devon = spendPanel(input());
    expect(devon.byFund.find((row) => row.serviceType === 'SHORT_BREAK')).toMatchObject({
      spent: pounds(12_000),
      held: pounds(3_000),
    });
    expect(devon.forecast).toMatchObject({
      envelope: pounds(1_900_000),
      spent: pounds(12_000),
      committed: pounds(3_000),
      leavesOut: [],
    });
    expect(spendPanel(input('Exeter')).byFund).toEqual([
      {
        fundKind: 'PERSONAL_BUDGET',
        serviceType: 'NOT_KNOWN',
        allocated: pounds(600_000),
        held: pounds(0),
        spent: pounds(0),
      },
    ]);
  });

  it('hides unspent budgets in a district with fewer than 5', () => {
    expect(demandPanel(input()).unspentBudgets).toEqual([
      {
        district: 'Exeter',
        budgets: { value: 5, shown: '5' },
        allocated: pounds(600_000),
        unspent: pounds(600_000),
      },
      {
        district: 'Torridge',
        budgets: { value: null, shown: 'fewer than 5' },
        allocated: null,
        unspent: null,
      },
    ]);
  });
});
