import { projectYearEnd } from './projection';

describe('the year-end projection', () => {
  it('warns when money will run out before 31 March at the rate so far', () => {
    // Half the year gone (1 April to 30 September, 183 days) and three-quarters used.
    const projection = projectYearEnd(
      { allocatedPence: 100_000, spentPence: 70_000, heldPence: 5_000, availablePence: 25_000 },
      '2026-09-30',
    );
    expect(projection.runsOutOn).toBe('2026-11-30');
    expect(projection.message).toEqual({
      kind: 'WARNING',
      text: 'At the rate it is being used, this money will run out around 30 November 2026, before the budget year ends on 31 March',
    });
  });

  it('notes what will be left unspent when spending is slow', () => {
    const projection = projectYearEnd(
      { allocatedPence: 100_000, spentPence: 10_000, heldPence: 0, availablePence: 90_000 },
      '2026-09-30',
    );
    expect(projection.runsOutOn).toBeNull();
    expect(projection.unspentPence).toBe(100_000 - Math.round(10_000 + (10_000 / 183) * 182));
    expect(projection.message?.kind).toBe('NOTE');
    expect(projection.message?.text).toMatch(
      /^At the rate it is being used, about £800\.55 will be left unspent on 31 March/,
    );
  });

  it('counts from the allocation when it came after 1 April', () => {
    const projection = projectYearEnd(
      { allocatedPence: 50_000, spentPence: 10_000, heldPence: 0, availablePence: 40_000 },
      '2027-01-30',
      '2027-01-01',
    );
    // 30 days in, 60 left: 10,000 + 20,000 = 30,000 of 50,000.
    expect(projection.projectedPence).toBe(30_000);
    expect(projection.unspentPence).toBe(20_000);
  });
});
