import { ACCESSIBILITY_SUPPORT, NEEDS, type Registration } from '@harbour/shared';
import fc from 'fast-check';
import { buildListing, type Listing, type ListingSources } from '../directory/listing';
import { idsOf, orukId, uuidV5 } from './oruk.ids';
import {
  locationOf,
  organizationOf,
  pageOf,
  publishableEmail,
  publishableUrl,
  serviceAtLocationOf,
  serviceFullOf,
  type ProviderFacts,
} from './oruk.mapping';
import { allTerms, findTerm, listingHasTerm, TAXONOMIES } from './oruk.taxonomies';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const ofsted = (identifier: string, rating = 'GOOD'): Registration => ({
  regulator: 'OFSTED',
  identifier,
  registrationType: "Children's home",
  status: 'ACTIVE',
  rating,
  inspectedOn: '2025-06-01',
});
const cqc = (identifier: string): Registration => ({
  regulator: 'CQC',
  identifier,
  registrationType: 'Homecare agency',
  status: 'ACTIVE',
  rating: 'OUTSTANDING',
  inspectedOn: '2025-02-01',
});

function listing(
  service: Partial<ListingSources['service']> = {},
  location: Partial<ListingSources['location']> = {},
  provider: Partial<ListingSources['provider']> = {},
): Listing {
  return buildListing(
    {
      provider: { name: 'Tamar Short Breaks', registrations: [], ...provider },
      location: {
        id: 'loc1',
        name: 'Hall',
        addressLine: '1 Quay Road',
        postcode: 'EX39 1AA',
        town: 'Bideford',
        district: 'Torridge',
        lat: 51.017,
        lng: -4.207,
        features: ['STEP_FREE', 'HOIST'],
        registrations: [],
        lastVerifiedAt: new Date('2026-09-01T10:00:00Z'),
        ...location,
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
        skills: [],
        funding: ['DIRECT_PAYMENT'],
        costOptions: [{ label: 'Per night', amountPence: 18050, unit: 'NIGHT' }],
        days: ['SUN', 'SAT'],
        startTime: '10:00',
        endTime: '16:30',
        scheduleSummary: 'Closed on bank holidays.',
        phone: '01237 123456',
        lastVerifiedAt: new Date('2026-10-01T10:00:00Z'),
        ...service,
      },
    },
    '2026-11-25',
  );
}

describe('published ids', () => {
  it('are RFC 9562 version 5 UUIDs (checked against a published test vector)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('never change for the same record, so consumers can keep them', () => {
    // Fixed here on purpose: changing the namespace or the names would break every consumer.
    expect(orukId('taxonomy_term', 'needs', 'AUTISM')).toBe('a70508f2-0e81-5887-8091-a2ceba83a7e5');
    expect(findTerm('a70508f2-0e81-5887-8091-a2ceba83a7e5')?.term.name).toBe('Autism');
    expect(orukId('service', '65f000000000000000000001')).toBe(
      'd5a58b99-9fd5-54eb-bef1-49e6501d8791',
    );
  });

  it('differ between records and between kinds of record', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(orukId('service', a)).not.toBe(orukId('service', b));
        expect(orukId('service', a)).not.toBe(orukId('organization', a));
        expect(orukId('service', a)).toMatch(UUID);
      }),
    );
  });

  it('give a listing its service, organization, location and service-at-location ids', () => {
    const ids = idsOf(listing());
    expect(ids).toEqual({
      service: orukId('service', 'svc1'),
      organization: orukId('organization', 'org1'),
      location: orukId('location', 'loc1'),
      serviceAtLocation: orukId('service_at_location', 'svc1:loc1'),
    });
  });
});

describe('taxonomies', () => {
  it('give every taxonomy and term its own id', () => {
    const ids = [...TAXONOMIES.map((t) => t.id), ...allTerms().map(({ term }) => term.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it('publish every need under its SEND area, and every OpenActive accessibility concept', () => {
    const needs = TAXONOMIES.find((t) => t.key === 'needs')!;
    for (const need of NEEDS) {
      const term = needs.terms.find((t) => t.code === need.code)!;
      const area = needs.terms.find((t) => t.id === term.parentId)!;
      expect(area.code).toBe(`AREA_${need.area}`);
    }
    const accessibility = TAXONOMIES.find((t) => t.key === 'accessibility_support')!;
    expect(accessibility.terms.map((t) => t.uri)).toEqual(ACCESSIBILITY_SUPPORT.map((c) => c.id));
  });

  it('match a listing by a need, or by the area of need it falls in', () => {
    const autism = orukId('taxonomy_term', 'needs', 'AUTISM');
    const communication = orukId('taxonomy_term', 'needs', 'AREA_COMMUNICATION_AND_INTERACTION');
    const semh = orukId('taxonomy_term', 'needs', 'AREA_SOCIAL_EMOTIONAL_MENTAL_HEALTH');
    expect(listingHasTerm(listing(), autism)).toBe(true);
    expect(listingHasTerm(listing(), communication)).toBe(true);
    expect(listingHasTerm(listing(), semh)).toBe(false);
    expect(listingHasTerm(listing({ needs: ['ADHD'] }), semh)).toBe(true);
  });
});

describe('mapping a service', () => {
  const provider: ProviderFacts = {
    name: 'Tamar Short Breaks',
    description: 'Short breaks in North Devon',
    website: 'tamarbreaks.example.org',
    email: 'not an email',
    registrations: [cqc('1-101')],
  };

  it('publishes costs in pounds, with the unit and the currency', () => {
    const service = serviceFullOf([listing()], provider);
    expect(service.cost_options).toEqual([
      {
        id: orukId('cost_option', 'svc1', '0'),
        service_id: orukId('service', 'svc1'),
        option: 'Per night',
        amount: 180.5,
        amount_description: 'per night',
        currency: 'GBP',
      },
    ]);
  });

  it('publishes the weekly schedule as RFC 5545 days in week order, in UK time', () => {
    const [schedule] = serviceFullOf([listing()], provider).schedules!;
    expect(schedule).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      byday: 'SA,SU',
      opens_at: '10:00',
      closes_at: '16:30',
      description: 'Saturday, Sunday, 10:00 to 16:30. Closed on bank holidays.',
    });
    expect(schedule!.notes).toMatch(/UK local time/);
    expect(serviceFullOf([listing({ days: [], scheduleSummary: null })], null).schedules).toEqual(
      [],
    );
  });

  it('publishes eligibility by age, needs and other terms as attributes of the service', () => {
    const service = serviceFullOf([listing()], provider);
    expect(service).toMatchObject({ minimum_age: 8, maximum_age: 18, status: 'active' });
    const terms = service.attributes!.map((a) => a.taxonomy_term.term);
    expect(terms).toEqual(
      expect.arrayContaining([
        'AUTISM',
        'PHYSICAL_DISABILITY',
        'OVERNIGHT_SHORT_BREAK',
        'ONE_TO_ONE',
        'DIRECT_PAYMENT',
      ]),
    );
    for (const attribute of service.attributes!) {
      expect(attribute.link_id).toBe(service.id);
      expect(attribute.taxonomy_term_id).toBe(attribute.taxonomy_term.id);
    }
  });

  it('lists one service at location per published listing, and the oldest check as assured', () => {
    const exeter = listing(
      {},
      {
        id: 'loc2',
        postcode: 'EX1 1AA',
        town: 'Exeter',
        district: 'Exeter',
        lastVerifiedAt: new Date('2026-05-02T10:00:00Z'),
      },
    );
    const service = serviceFullOf([listing(), exeter], provider);
    expect(service.service_at_locations!.map((sal) => sal.location.addresses[0]!.city)).toEqual([
      'Bideford',
      'Exeter',
    ]);
    expect(service.assured_date).toBe('2026-05-02');
  });

  it('puts the place’s own regulator id on the location, and the provider’s on the organization', () => {
    const withUrn = listing(
      {},
      { registrations: [ofsted('SC123456')] },
      { registrations: [cqc('1-101')] },
    );
    expect(locationOf(withUrn, provider)).toMatchObject({
      external_identifier: 'SC123456',
      external_identifier_type: 'Ofsted URN',
    });
    const withCqc = listing(
      {},
      { registrations: [cqc('1-555')] },
      { registrations: [cqc('1-101')] },
    );
    expect(locationOf(withCqc, provider)).toMatchObject({
      external_identifier: '1-555',
      external_identifier_type: 'CQC location ID',
    });
    expect(
      locationOf(listing({}, {}, { registrations: [cqc('1-101')] }), provider),
    ).not.toHaveProperty('external_identifier');
    expect(organizationOf(withUrn, provider).organization_identifiers).toEqual([
      expect.objectContaining({ identifier_type: 'CQC provider ID', identifier: '1-101' }),
    ]);
  });

  it('gives each location its address in Devon and its accessibility features', () => {
    const location = locationOf(listing(), provider);
    expect(location.addresses).toEqual([
      expect.objectContaining({
        address_1: '1 Quay Road',
        city: 'Bideford',
        region: 'Torridge',
        state_province: 'Devon',
        postal_code: 'EX39 1AA',
        country: 'GB',
        address_type: 'physical',
      }),
    ]);
    expect(location.accessibility.map((a) => a.description)).toEqual(['Step-free access', 'Hoist']);
    expect(location).toMatchObject({ latitude: 51.017, longitude: -4.207 });
  });

  it('publishes only web and email addresses that are valid, mending bare domains', () => {
    const organization = organizationOf(listing(), provider);
    expect(organization.website).toBe('https://tamarbreaks.example.org');
    expect(organization).not.toHaveProperty('email');
    expect(publishableUrl('http://example.org/a')).toBe('http://example.org/a');
    expect(publishableUrl('javascript:alert(1)')).toBeUndefined();
    expect(publishableUrl('not a site')).toBeUndefined();
    expect(publishableEmail(' hello@example.org ')).toBe('hello@example.org');
  });

  it('gives a service its phone as a contact, and a service at location its service', () => {
    const service = serviceFullOf([listing()], provider);
    expect(service.contacts![0]!.phones[0]!.number).toBe('01237 123456');
    const sal = serviceAtLocationOf(listing(), provider, service);
    expect(sal).toMatchObject({
      id: orukId('service_at_location', 'svc1:loc1'),
      service_id: service.id,
      location_id: orukId('location', 'loc1'),
      service: { id: service.id },
    });
  });
});

describe('the page wrapper', () => {
  const page = (total: number, number: number, perPage: number) =>
    pageOf(
      Array.from({ length: Math.max(0, Math.min(perPage, total - (number - 1) * perPage)) }),
      total,
      {
        number,
        perPage,
      },
    );

  it('counts pages from 1 and says which page is first, last and empty', () => {
    expect(page(5, 1, 2)).toMatchObject({
      total_items: 5,
      total_pages: 3,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    expect(page(5, 3, 2)).toMatchObject({ size: 1, first_page: false, last_page: true });
    expect(page(4, 2, 2)).toMatchObject({ total_pages: 2, last_page: true });
    expect(page(5, 9, 2)).toMatchObject({ size: 0, last_page: true, empty: true });
    expect(page(0, 1, 50)).toMatchObject({
      total_items: 0,
      total_pages: 0,
      first_page: true,
      last_page: true,
      empty: true,
    });
  });
});
