import { budgetYear, budgetYearOf, daysInclusive } from './budget-year';

describe('budget years', () => {
  it('run from 1 April to 31 March, named by the year they start', () => {
    expect(budgetYearOf('2026-04-01')).toEqual(budgetYear(2026));
    expect(budgetYearOf('2027-03-31').label).toBe('2026 to 2027');
    expect(budgetYearOf('2026-03-31').startYear).toBe(2025);
    expect(budgetYear(2026)).toMatchObject({ firstDay: '2026-04-01', lastDay: '2027-03-31' });
  });

  it('counts the days of a year, leap day included', () => {
    expect(daysInclusive('2027-04-01', '2028-03-31')).toBe(366);
    expect(daysInclusive('2026-04-01', '2027-03-31')).toBe(365);
    expect(daysInclusive('2026-05-02', '2026-05-01')).toBe(0);
  });
});
