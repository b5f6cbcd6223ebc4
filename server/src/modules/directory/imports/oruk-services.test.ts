import { buildListing } from '../listing';
import { serviceFullOf } from '../../oruk/oruk.mapping';
import { ImportFormatError } from './import-row';
import { importedRow } from './testing';
import { parseOrukServices } from './oruk-services';

const ORG = { id: 'org-1', name: 'Exe Inclusive Sport', description: 'Inclusive sport.' };

function location(id: string, postcode: string, extra: Record<string, unknown> = {}) {
  return {
    id: `sal-${id}`,
    location: {
      id,
      location_type: 'physical',
      name: `Place ${id}`,
      addresses: [
        {
          id: `addr-${id}`,
          address_1: '1 High Street',
          city: 'Exeter',
          state_province: 'Devon',
          postal_code: postcode,
          country: 'GB',
          address_type: 'physical',
        },
      ],
      ...extra,
    },
  };
}

function service(extra: Record<string, unknown> = {}) {
  return {
    id: 'svc-1',
    name: 'Splash Swim Sessions',
    status: 'active',
    organization: ORG,
    service_at_locations: [location('loc-1', 'EX4 1AF')],
    ...extra,
  };
}

it('reads a single service, a page of them, or a list', () => {
  const single = parseOrukServices(JSON.stringify(service()));
  const page = parseOrukServices(JSON.stringify({ total_items: 1, contents: [service()] }));
  const list = parseOrukServices(JSON.stringify([service()]));
  expect(single).toEqual(page);
  expect(list).toEqual(page);
  expect(importedRow(page).rowNumber).toBe(1);
});

it('keys the service, its organisation and locations by their ORUK ids', () => {
  const row = importedRow(parseOrukServices(JSON.stringify(service())));
  expect(row.provider).toMatchObject({
    name: 'Exe Inclusive Sport',
    externalIds: { orukId: 'org-1' },
  });
  expect(row.locations).toEqual([
    {
      name: 'Place loc-1',
      addressLine: '1 High Street',
      town: 'Exeter',
      postcode: 'EX4 1AF',
      features: [],
      externalIds: { orukId: 'loc-1' },
    },
  ]);
  expect(row.service).toMatchObject({
    name: 'Splash Swim Sessions',
    type: 'INCLUSIVE_ACTIVITY',
    minAge: 0,
    maxAge: 25,
    status: 'ACTIVE',
    externalIds: { orukId: 'svc-1' },
  });
});

it('reads regulator ids that organisations and locations carry', () => {
  const row = importedRow(
    parseOrukServices(
      JSON.stringify(
        service({
          organization: {
            ...ORG,
            organization_identifiers: [
              { id: 'i1', identifier_type: 'CQC provider ID', identifier: '1-800000001' },
            ],
          },
          service_at_locations: [
            location('loc-1', 'EX4 1AF', {
              external_identifier: 'SC900001',
              external_identifier_type: 'Ofsted URN',
            }),
          ],
        }),
      ),
    ),
  );
  expect(row.provider.externalIds).toEqual({ orukId: 'org-1', cqcProviderId: '1-800000001' });
  expect(row.locations[0].externalIds).toEqual({ orukId: 'loc-1', ofstedUrn: 'SC900001' });
});

it("reads back everything Harbour's own ORUK API publishes about a service", () => {
  const listing = buildListing(
    {
      provider: { name: 'Tamar Short Breaks', registrations: [] },
      location: {
        id: 'loc1',
        name: 'Quay Hall',
        addressLine: '1 Quay Road',
        postcode: 'EX39 1AA',
        town: 'Bideford',
        district: 'Torridge',
        lat: 51.017,
        lng: -4.207,
        features: ['STEP_FREE', 'HOIST', 'CHANGING_PLACES'],
        registrations: [],
        lastVerifiedAt: new Date('2026-09-01T10:00:00Z'),
      },
      service: {
        id: 'svc1',
        organisationId: 'org1',
        name: 'Overnight breaks',
        description: 'Weekend stays',
        type: 'OVERNIGHT_SHORT_BREAK',
        needs: ['AUTISM', 'PHYSICAL_DISABILITY'],
        minAge: 8,
        maxAge: 18,
        accessibilitySupport: [],
        ratios: ['ONE_TO_ONE'],
        skills: ['MAKATON'],
        funding: ['DIRECT_PAYMENT', 'PERSONAL_BUDGET'],
        costOptions: [{ label: 'Per night', amountPence: 18050, unit: 'NIGHT' }],
        days: ['SAT', 'SUN'],
        startTime: '10:00',
        endTime: '16:30',
        phone: '01237 123456',
        lastVerifiedAt: new Date('2026-10-01T10:00:00Z'),
      },
    },
    '2026-11-25',
  );
  const published = serviceFullOf([listing], { name: 'Tamar Short Breaks' });
  const row = importedRow(parseOrukServices(JSON.stringify(published)));
  expect(row.service).toMatchObject({
    name: 'Overnight breaks',
    description: 'Weekend stays',
    type: 'OVERNIGHT_SHORT_BREAK',
    minAge: 8,
    maxAge: 18,
    ratios: ['ONE_TO_ONE'],
    skills: ['MAKATON'],
    costOptions: [{ label: 'Per night', amountPence: 18050, unit: 'NIGHT' }],
    startTime: '10:00',
    endTime: '16:30',
    phone: '01237 123456',
  });
  expect(row.service.needs?.sort()).toEqual(['AUTISM', 'PHYSICAL_DISABILITY']);
  expect(row.service.funding?.sort()).toEqual(['DIRECT_PAYMENT', 'PERSONAL_BUDGET']);
  expect(row.service.days?.sort()).toEqual(['SAT', 'SUN']);
  expect(row.locations[0]).toMatchObject({
    name: 'Quay Hall',
    addressLine: '1 Quay Road',
    town: 'Bideford',
    postcode: 'EX39 1AA',
    lat: 51.017,
    lng: -4.207,
  });
  expect(row.locations[0].features?.sort()).toEqual(['CHANGING_PLACES', 'HOIST', 'STEP_FREE']);
});

it('guesses the kind of service from its words when no attribute says', () => {
  const typeOf = (name: string) =>
    importedRow(parseOrukServices(JSON.stringify(service({ name })))).service.type;
  expect(typeOf('Moorland Holiday Club')).toBe('HOLIDAY_SCHEME');
  expect(typeOf('Saturday Sensory Club')).toBe('WEEKEND_CLUB');
  expect(typeOf('After-school Club')).toBe('AFTER_SCHOOL_CLUB');
  expect(typeOf('Befriending Scheme')).toBe('SITTING_BEFRIENDING');
  expect(typeOf('Overnight respite stays')).toBe('OVERNIGHT_SHORT_BREAK');
  expect(typeOf('Youth drama group')).toBe('INCLUSIVE_ACTIVITY');
});

it("keeps ages within Harbour's 0 to 25, and withdraws services that are not active", () => {
  const row = importedRow(
    parseOrukServices(
      JSON.stringify(service({ minimum_age: 12, maximum_age: 100, status: 'temporarily closed' })),
    ),
  );
  expect(row.service).toMatchObject({ minAge: 12, maxAge: 25, status: 'WITHDRAWN' });
  expect(parseOrukServices(JSON.stringify(service({ minimum_age: 65 })))).toEqual([
    {
      rowNumber: 1,
      reason: 'Service is for ages 65 and over: Harbour lists services for ages 0 to 25',
    },
  ]);
});

it('leaves out a location it cannot place when others can be, with a warning', () => {
  const row = importedRow(
    parseOrukServices(
      JSON.stringify(
        service({ service_at_locations: [location('a', 'EX4 1AF'), location('b', 'PL15 7AR')] }),
      ),
    ),
  );
  expect(row.locations.map((l) => l.postcode)).toEqual(['EX4 1AF']);
  expect(row.warnings).toEqual([
    'Location "Place b" left out: Postcode PL15 is outside the area Harbour covers (Devon, Plymouth and Torbay)',
  ]);
});

it('rejects services it cannot list, saying why', () => {
  const rows = parseOrukServices(
    JSON.stringify([
      service({ id: undefined }),
      service({ name: '' }),
      service({ organization: undefined }),
      service({ service_at_locations: [location('a', 'TR1 2PN')] }),
      service({
        service_at_locations: [location('a', 'EX4 1AF', { latitude: 100, longitude: 101 })],
      }),
      service({
        service_at_locations: [{ id: 'v', location: { id: 'v', location_type: 'virtual' } }],
      }),
      service({ service_at_locations: [location('a', ''), location('b', 'TR1 2PN')] }),
    ]),
  );
  expect(rows).toEqual([
    { rowNumber: 1, reason: 'Service id is missing' },
    { rowNumber: 2, reason: 'Service name is missing' },
    { rowNumber: 3, reason: 'Organisation is missing (its id and name are needed)' },
    {
      rowNumber: 4,
      reason: 'Postcode TR1 is outside the area Harbour covers (Devon, Plymouth and Torbay)',
    },
    { rowNumber: 5, reason: 'Coordinates 100, 101 are outside the UK' },
    {
      rowNumber: 6,
      reason:
        'Service has no location with a postcode (online-only services cannot be placed on the map)',
    },
    {
      rowNumber: 7,
      reason:
        'Location "Place a": Postcode is missing; Location "Place b": Postcode TR1 is outside the area Harbour covers (Devon, Plymouth and Torbay)',
    },
  ]);
});

it('places a location by its coordinates even outside Devon, when they are in the UK', () => {
  const row = importedRow(
    parseOrukServices(
      JSON.stringify(
        service({
          service_at_locations: [location('a', 'TR1 2PN', { latitude: 50.26, longitude: -5.05 })],
        }),
      ),
    ),
  );
  expect(row.locations[0]).toMatchObject({ postcode: 'TR1 2PN', lat: 50.26, lng: -5.05 });
});

it('refuses a file that is not ORUK JSON', () => {
  expect(() => parseOrukServices('Name,Postcode')).toThrow(ImportFormatError);
  expect(() => parseOrukServices('{"total_items": 0}')).toThrow(ImportFormatError);
});
