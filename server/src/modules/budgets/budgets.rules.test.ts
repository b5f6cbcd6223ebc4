import { fundPosition, parseAllocationCsv } from './budgets.rules';

const posted = (...postings: [string, number][]) => ({
  state: 'POSTED',
  postings: postings.map(([account, amountPence]) => ({ account, amountPence })),
});

describe('a fund’s position', () => {
  it('is derived from its journals: allocated = available + held + spent', () => {
    const journals = [
      posted(['world:council', -100_000], ['fund:pb1', 100_000]),
      posted(['fund:pb1', -6000], ['hold:b1:pb1', 6000]),
      posted(['fund:pb1', -3000], ['hold:b2:pb1', 3000]),
      posted(['hold:b1:pb1', -6000], ['owed:org1', 6000]),
      posted(['hold:b2:pb1', -3000], ['fund:pb1', 3000]),
      posted(['owed:org1', -1000], ['fund:pb1', 1000]),
      { state: 'FAILED', postings: [{ account: 'fund:pb1', amountPence: -1 }] },
    ];
    const position = fundPosition('pb1', journals);
    expect(position).toEqual({
      allocatedPence: 100_000,
      heldPence: 0,
      spentPence: 5000,
      availablePence: 95_000,
    });
  });

  it('counts a pool draw’s allowance postings as nothing of the fund’s own', () => {
    const position = fundPosition('pool', [
      posted(['world:council', -50_000], ['fund:pool', 50_000]),
      posted(
        ['fund:pool', -700],
        ['hold:b1:pool', 700],
        ['allowance:pool:c1:2026', -700],
        ['allowance-grant:pool', 700],
      ),
    ]);
    expect(position).toEqual({
      allocatedPence: 50_000,
      heldPence: 700,
      spentPence: 0,
      availablePence: 49_300,
    });
  });
});

describe('a bulk allocation file', () => {
  const header =
    'child_id,date_of_birth,budget,amount,held_as,service_types,max_per_hour,max_per_session';
  it('gives each row’s values, in pence', () => {
    const parsed = parseAllocationCsv(
      `${header}\n6b160d7d499a5b47b0dadb68,2015-03-12,PERSONAL_BUDGET,"1,500.00",DIRECT_PAYMENT,AFTER_SCHOOL_CLUB;HOLIDAY_SCHEME,25,\n`,
    );
    expect(parsed).toEqual({
      rows: [
        {
          line: 2,
          problems: [],
          row: {
            line: 2,
            childId: '6b160d7d499a5b47b0dadb68',
            dateOfBirth: '2015-03-12',
            kind: 'PERSONAL_BUDGET',
            amountPence: 150_000,
            heldAs: 'DIRECT_PAYMENT',
            serviceTypes: ['AFTER_SCHOOL_CLUB', 'HOLIDAY_SCHEME'],
            maxPencePerHour: 2500,
            maxPencePerSession: null,
          },
        },
      ],
    });
  });

  it('names every problem of a malformed row by its line', () => {
    const parsed = parseAllocationCsv(
      `${header}\nnot-an-id,12/03/2015,BUDGET,-5,SOMEWHERE,SWIMMING,,\n`,
    );
    expect(parsed).toEqual({
      rows: [
        {
          line: 2,
          row: null,
          problems: [
            'child_id is not a Harbour child id',
            'date_of_birth must be YYYY-MM-DD',
            'budget must be PERSONAL_BUDGET or PERSONAL_HEALTH_BUDGET',
            '"-5" is not an amount in pounds, like 1500.00',
            'held_as must be COUNCIL_HELD or DIRECT_PAYMENT',
            'Unknown service types: SWIMMING',
          ],
        },
      ],
    });
  });

  it('refuses a file without the columns, or with no rows', () => {
    expect(parseAllocationCsv('name,amount\nSam,100\n')).toEqual({
      problem:
        'The header is missing child_id, date_of_birth, budget, held_as: the columns are child_id, date_of_birth, budget, amount, held_as, service_types, max_per_hour, max_per_session',
    });
    expect(parseAllocationCsv(`${header}\n`)).toEqual({
      problem: 'The file has no rows under its header',
    });
  });
});
