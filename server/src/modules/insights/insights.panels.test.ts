import {
  ageByMonth,
  budgetYearMonths,
  lastTwelveMonths,
  published,
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
