import { parseCqcCareDirectory } from './cqc-care-directory';
import { ImportFormatError } from './import-row';
import { importedRow } from './testing';

const HEADER =
  "Name,Also known as,Address,Postcode,Phone number,Service's website (if available),Service types,Date of latest check,Specialisms/services,Provider name,Local authority,Region,Location URL,CQC Location ID (for office use only),CQC Provider ID (for office use only)";

function file(...rows: string[]) {
  return ['Care directory with filters,,,', 'Data as at 01/May/2026,,,', '', HEADER, ...rows].join(
    '\r\n',
  );
}

function row(fields: {
  name?: string;
  postcode?: string;
  types?: string;
  specialisms?: string;
  locationId?: string;
  providerId?: string;
  website?: string;
}) {
  const {
    name = 'Exe Valley Home Support',
    postcode = 'EX2 4AN',
    types = 'Homecare agencies',
    specialisms = 'Caring for adults under 65 yrs|Learning disabilities',
    locationId = '1-900000001',
    providerId = '1-800000001',
    website = 'www.exevalley.example',
  } = fields;
  return `${name},,"4 Quay Lane, Exeter",${postcode},01392 000101,${website},${types},09/Jan/2018 - 00:00,${specialisms},Exe Valley Care Ltd,Devon,South West,,${locationId},${providerId}`;
}

it('reads a location after the preamble, numbering rows as the file does', () => {
  const rows = parseCqcCareDirectory(file(row({})));
  const parsed = importedRow(rows);
  expect(parsed.rowNumber).toBe(5);
  expect(parsed.provider).toEqual({
    name: 'Exe Valley Care Ltd',
    externalIds: { cqcProviderId: '1-800000001' },
    source: 'CQC care directory',
  });
  expect(parsed.locations).toEqual([
    {
      name: 'Exe Valley Home Support',
      addressLine: '4 Quay Lane, Exeter',
      postcode: 'EX2 4AN',
      externalIds: { cqcLocationId: '1-900000001' },
      registrations: [
        {
          regulator: 'CQC',
          identifier: '1-900000001',
          registrationType: 'Homecare agencies',
          status: 'ACTIVE',
          minAge: 18,
          inspectedOn: '2018-01-09',
          source: 'CQC care directory',
        },
      ],
    },
  ]);
  expect(parsed.service).toMatchObject({
    name: 'Exe Valley Home Support',
    type: 'HOME_SUPPORT',
    minAge: 18,
    maxAge: 25,
    phone: '01392 000101',
    website: 'https://www.exevalley.example',
    externalIds: { cqcLocationId: '1-900000001' },
  });
});

it('maps CQC service types to Harbour service types', () => {
  const typeOf = (types: string) =>
    importedRow(parseCqcCareDirectory(file(row({ types })))).service.type;
  expect(typeOf('Homecare agencies')).toBe('HOME_SUPPORT');
  expect(typeOf('Supported living')).toBe('HOME_SUPPORT');
  expect(typeOf('Shared Lives')).toBe('OVERNIGHT_SHORT_BREAK');
  expect(typeOf('Residential homes')).toBe('OVERNIGHT_SHORT_BREAK');
  expect(typeOf('Care home service without nursing')).toBe('OVERNIGHT_SHORT_BREAK');
  expect(typeOf('Nursing homes|Homecare agencies')).toBe('OVERNIGHT_SHORT_BREAK');
});

it('maps specialisms to needs, and nursing care to complex health needs', () => {
  const service = importedRow(
    parseCqcCareDirectory(
      file(
        row({
          types: 'Nursing homes',
          specialisms:
            'Caring for adults under 65 yrs|Learning disabilities|Autism|Physical disabilities|Sensory impairments|Mental health conditions',
        }),
      ),
    ),
  ).service;
  expect(service.needs?.sort()).toEqual(
    [
      'AUTISM',
      'COMPLEX_HEALTH_NEEDS',
      'HEARING_IMPAIRMENT',
      'MODERATE_LEARNING_DIFFICULTY',
      'MULTI_SENSORY_IMPAIRMENT',
      'PHYSICAL_DISABILITY',
      'SEVERE_LEARNING_DIFFICULTY',
      'SOCIAL_EMOTIONAL_MENTAL_HEALTH',
      'VISUAL_IMPAIRMENT',
    ].sort(),
  );
});

it('starts the age range at 0 when CQC says the service cares for children', () => {
  const parsed = importedRow(
    parseCqcCareDirectory(file(row({ specialisms: 'Caring for children (0 - 18yrs)|Autism' }))),
  );
  expect(parsed.service).toMatchObject({ minAge: 0, maxAge: 25 });
  expect(parsed.locations[0].registrations?.[0]?.minAge).toBe(0);
});

it('rejects rows it cannot list, saying why', () => {
  const rows = parseCqcCareDirectory(
    file(
      row({ postcode: '' }),
      row({ locationId: '' }),
      row({ providerId: '' }),
      row({ name: '' }),
      row({ postcode: 'TR1 2AA' }),
      row({ postcode: 'NOT A POSTCODE' }),
      row({ types: 'Dentist|Doctors/GPs' }),
      row({ specialisms: 'Caring for adults over 65 yrs|Dementia' }),
    ),
  );
  expect(rows).toEqual([
    { rowNumber: 5, reason: 'Postcode is missing' },
    { rowNumber: 6, reason: 'CQC Location ID is missing' },
    { rowNumber: 7, reason: 'CQC Provider ID is missing' },
    { rowNumber: 8, reason: 'Name is missing' },
    {
      rowNumber: 9,
      reason: 'Postcode TR1 is outside the area Harbour covers (Devon, Plymouth and Torbay)',
    },
    { rowNumber: 10, reason: 'Postcode "NOT A POSTCODE" is not a real postcode' },
    {
      rowNumber: 11,
      reason:
        'Service types "Dentist, Doctors/GPs" are not care Harbour lists (care homes, Shared Lives, home care and supported living)',
    },
    {
      rowNumber: 12,
      reason:
        'Specialisms "Caring for adults over 65 yrs, Dementia" are for older people only, not disabled children or young adults',
    },
  ]);
});

it('counts blank lines and quoted line breaks as a spreadsheet does', () => {
  const rows = parseCqcCareDirectory(
    file('', row({ name: '"Exe Valley\nHome Support"' }), '', row({ locationId: '1-2' })),
  );
  expect(rows.map((r) => r.rowNumber)).toEqual([6, 8]);
});

it('refuses a file that is not the care directory', () => {
  expect(() => parseCqcCareDirectory('URN,Provision type\nSC1,Children’s home')).toThrow(
    ImportFormatError,
  );
});
