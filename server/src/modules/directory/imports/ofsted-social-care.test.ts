import { isRejected } from './import-row';
import { importedRow } from './testing';
import { parseOfstedSocialCare } from './ofsted-social-care';

const HEADER =
  'URN,Provision type,Registration date,Registration status,Name,Town,Postcode,Local authority,Places,Inspection date,Overall experiences and progress of children and young people,How well children and young people are helped and protected,The effectiveness of leaders and managers,Organisation which owns the provider';

function row(fields: Record<string, string>) {
  const v: Record<string, string> = {
    urn: 'SC900001',
    type: "Children's home",
    status: 'Active',
    name: 'Oak Tree Short Breaks',
    postcode: 'EX4 4QJ',
    date: '18/09/2024',
    overall: 'Good',
    owner: 'Devon Short Breaks Partnership',
    ...fields,
  };
  return `${v.urn},${v.type},12/04/2012,${v.status},${v.name},Exeter,${v.postcode},Devon,6,${v.date},${v.overall},Good,Good,${v.owner}`;
}

const parse = (...rows: string[]) => parseOfstedSocialCare([HEADER, ...rows].join('\n'));

it("reads a short-break children's home with its overall judgement", () => {
  const parsed = importedRow(parse(row({})));
  expect(parsed.provider).toEqual({
    name: 'Devon Short Breaks Partnership',
    externalIds: { ofstedUrn: 'SC900001' },
    source: "Ofsted children's social care",
  });
  expect(parsed.locations[0]).toMatchObject({
    name: 'Oak Tree Short Breaks',
    town: 'Exeter',
    postcode: 'EX4 4QJ',
    registrations: [
      {
        regulator: 'OFSTED',
        identifier: 'SC900001',
        registrationType: "Children's home",
        status: 'ACTIVE',
        minAge: 0,
        maxAge: 17,
        rating: 'GOOD',
        inspectedOn: '2024-09-18',
      },
    ],
  });
  expect(parsed.service).toMatchObject({
    type: 'OVERNIGHT_SHORT_BREAK',
    minAge: 0,
    maxAge: 17,
    description: "Children's home registered with Ofsted for 6 children.",
  });
});

it('lists residential holiday schemes for disabled children as holiday schemes', () => {
  const parsed = importedRow(
    parse(
      row({
        type: 'Residential holiday scheme for disabled children',
        name: 'Dartmoor Adventure Holidays',
      }),
    ),
  );
  expect(parsed.service.type).toBe('HOLIDAY_SCHEME');
});

it('reads grades and the longer wording of Ofsted judgements', () => {
  const ratingOf = (overall: string) =>
    importedRow(parse(row({ overall }))).locations[0].registrations?.[0]?.rating;
  expect(ratingOf('Requires improvement to be good')).toBe('REQUIRES_IMPROVEMENT');
  expect(ratingOf('1')).toBe('OUTSTANDING');
  expect(ratingOf('')).toBeUndefined();
});

it('takes a short-breaks flag from a column that says so', () => {
  const header = `${HEADER},Short breaks only`;
  const yes = parseOfstedSocialCare([header, `${row({ name: 'Hillside House' })},Yes`].join('\n'));
  const no = parseOfstedSocialCare([header, `${row({ name: 'Hillside House' })},No`].join('\n'));
  expect(importedRow(yes).service.type).toBe('OVERNIGHT_SHORT_BREAK');
  expect(isRejected(no[0]!)).toBe(true);
});

it('rejects what families cannot book, and rows it cannot place', () => {
  expect(
    parse(
      row({ name: 'Hillside House' }),
      row({ type: 'Independent fostering agency' }),
      row({ type: "Secure children's home" }),
      row({ urn: '' }),
      row({ postcode: '' }),
      row({ postcode: 'BS1 4DJ' }),
    ),
  ).toEqual([
    {
      rowNumber: 2,
      reason:
        "Children's home that does not say it provides short breaks: homes for children in care are not booked by families",
    },
    {
      rowNumber: 3,
      reason: 'Provision type "Independent fostering agency" is not a short break Harbour lists',
    },
    {
      rowNumber: 4,
      reason: 'Provision type "Secure children\'s home" is not a short break Harbour lists',
    },
    { rowNumber: 5, reason: 'URN is missing' },
    { rowNumber: 6, reason: 'Postcode is missing' },
    {
      rowNumber: 7,
      reason: 'Postcode BS1 is outside the area Harbour covers (Devon, Plymouth and Torbay)',
    },
  ]);
});
