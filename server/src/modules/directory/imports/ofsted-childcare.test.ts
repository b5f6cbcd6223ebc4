import { importedRow } from './testing';
import { parseOfstedChildcare } from './ofsted-childcare';

// Capitalisation as one release has it; other releases differ, which must not matter.
const HEADER =
  'Web link,Provider URN,Provider type,Provider subtype,Provider status,Individual Register combinations,Registered person URN,Registered person name,Provider name,Provider address line 1,Provider address line 2,Provider address line 3,Provider town,Postcode,Local authority,Places,Registration date,EYR OEIF/CIF: Most recent: Inspection date,EYR OEIF/CIF: Most recent: Overall effectiveness,CR: Most recent: Inspection date,CR: Compliance';

function row(fields: Record<string, string>) {
  const values: Record<string, string> = {
    urn: 'EY900001',
    type: 'Childcare on non-domestic premises',
    subtype: 'Full day care',
    status: 'Active',
    registers: 'ALL',
    rpUrn: 'RP900001',
    rpName: 'Little Harbour Nurseries Ltd',
    name: 'Little Harbour Nursery',
    town: 'BARNSTAPLE',
    postcode: 'EX31 1DR',
    eyrDate: '14/03/2023',
    eyrGrade: '2',
    crDate: '',
    crCompliance: '',
    ...fields,
  };
  return [
    `https://reports.ofsted.gov.uk/provider/16/${values.urn}`,
    values.urn,
    values.type,
    values.subtype,
    values.status,
    values.registers,
    values.rpUrn,
    values.rpName,
    values.name,
    '1 Castle Street',
    '',
    '',
    values.town,
    values.postcode,
    'Devon',
    '48',
    '01/09/2015',
    values.eyrDate,
    values.eyrGrade,
    values.crDate,
    values.crCompliance,
  ].join(',');
}

it('reads a nursery with its registration, graded inspection and the organisation that runs it', () => {
  const parsed = importedRow(parseOfstedChildcare([HEADER, row({})].join('\n')));
  expect(parsed.rowNumber).toBe(2);
  expect(parsed.provider).toEqual({
    name: 'Little Harbour Nurseries Ltd',
    externalIds: { ofstedUrn: 'RP900001' },
    source: 'Ofsted childcare providers and inspections',
  });
  expect(parsed.locations[0]).toMatchObject({
    name: 'Little Harbour Nursery',
    addressLine: '1 Castle Street',
    town: 'BARNSTAPLE',
    postcode: 'EX31 1DR',
    externalIds: { ofstedUrn: 'EY900001' },
    registrations: [
      {
        regulator: 'OFSTED',
        identifier: 'EY900001',
        registrationType:
          'Childcare on non-domestic premises (Early Years Register, Compulsory Childcare Register, Voluntary Childcare Register)',
        status: 'ACTIVE',
        minAge: 0,
        maxAge: null,
        rating: 'GOOD',
        ratingScale: 'Ofsted overall effectiveness',
        inspectedOn: '2023-03-14',
      },
    ],
  });
  expect(parsed.service).toMatchObject({
    type: 'DAY_CARE',
    minAge: 0,
    maxAge: 5,
    description: 'Full day care registered with Ofsted for 48 places since 2015-09-01.',
    externalIds: { ofstedUrn: 'EY900001' },
  });
});

it('matches column names whatever their capitalisation', () => {
  const shouting = HEADER.toUpperCase().replace('WEB LINK,PROVIDER URN', 'Web Link,Provider Urn');
  const parsed = importedRow(parseOfstedChildcare([shouting, row({})].join('\n')));
  expect(parsed.locations[0].postcode).toBe('EX31 1DR');
  expect(parsed.locations[0].registrations?.[0]?.rating).toBe('GOOD');
});

it('reads grades as words too, and Met / Not met when there is no graded inspection', () => {
  const ratingOf = (fields: Record<string, string>) =>
    importedRow(parseOfstedChildcare([HEADER, row(fields)].join('\n'))).locations[0]
      .registrations?.[0];
  expect(ratingOf({ eyrGrade: 'Outstanding' })?.rating).toBe('OUTSTANDING');
  expect(ratingOf({ eyrGrade: '4' })?.rating).toBe('INADEQUATE');
  expect(
    ratingOf({
      eyrGrade: '',
      eyrDate: '',
      crDate: '10/10/2023',
      crCompliance: 'Not met with actions',
    }),
  ).toMatchObject({
    rating: 'NOT_MET',
    ratingScale: 'Ofsted Childcare Register requirements',
    inspectedOn: '2023-10-10',
  });
  expect(ratingOf({ eyrGrade: '', eyrDate: '' })?.rating).toBeUndefined();
});

it('lists out-of-school and holiday clubs for school-age children', () => {
  const serviceOf = (fields: Record<string, string>) =>
    importedRow(parseOfstedChildcare([HEADER, row(fields)].join('\n'))).service;
  expect(serviceOf({ subtype: 'Out of school day care', registers: 'EYR-CCR' })).toMatchObject({
    type: 'AFTER_SCHOOL_CLUB',
    minAge: 4,
    maxAge: 7,
  });
  expect(
    serviceOf({
      subtype: 'Out of school day care',
      registers: 'CCR-VCR',
      name: 'Holiday Fun Club',
    }),
  ).toMatchObject({ type: 'HOLIDAY_SCHEME', minAge: 5, maxAge: 14 });
  expect(serviceOf({ subtype: '', registers: 'VCR only' })).toMatchObject({
    type: 'AFTER_SCHOOL_CLUB',
    minAge: 8,
  });
});

it('keys the provider by the setting when the file does not name who runs it', () => {
  const parsed = importedRow(
    parseOfstedChildcare([HEADER, row({ rpUrn: '', rpName: '' })].join('\n')),
  );
  expect(parsed.provider).toMatchObject({
    name: 'Little Harbour Nursery',
    externalIds: { ofstedUrn: 'EY900001' },
  });
});

it('takes a cancelled registration out of search, and keeps a suspended one flagged', () => {
  const cancelled = importedRow(
    parseOfstedChildcare([HEADER, row({ status: 'Cancelled' })].join('\n')),
  );
  expect(cancelled.service.status).toBe('WITHDRAWN');
  const suspended = importedRow(
    parseOfstedChildcare([HEADER, row({ status: 'Suspended' })].join('\n')),
  );
  expect(suspended.service.status).toBeUndefined();
  expect(suspended.locations[0].registrations?.[0]?.status).toBe('SUSPENDED');
});

it('rejects childminders, redacted and incomplete rows, and places outside the area', () => {
  const rows = parseOfstedChildcare(
    [
      HEADER,
      row({ type: 'Childminder', name: 'REDACTED', postcode: 'REDACTED', rpName: 'REDACTED' }),
      row({ type: 'Childcare on domestic premises', name: 'REDACTED', postcode: 'REDACTED' }),
      row({ urn: '' }),
      row({ name: '' }),
      row({ postcode: '' }),
      row({ postcode: 'PL15 7AR' }),
      row({ status: 'Pending' }),
    ].join('\n'),
  );
  expect(rows).toEqual([
    {
      rowNumber: 2,
      reason:
        'Childminders are not listed: Ofsted does not publish their names and addresses (REDACTED)',
    },
    { rowNumber: 3, reason: 'Name and address are REDACTED by Ofsted, so it cannot be listed' },
    { rowNumber: 4, reason: 'Provider URN is missing' },
    { rowNumber: 5, reason: 'Provider name is missing' },
    { rowNumber: 6, reason: 'Postcode is missing' },
    {
      rowNumber: 7,
      reason: 'Postcode PL15 is outside the area Harbour covers (Devon, Plymouth and Torbay)',
    },
    { rowNumber: 8, reason: 'Provider status "Pending" is not one we know' },
  ]);
});
