import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Registration } from '@harbour/shared';
import type { ServiceInput } from '../../server/src/modules/directory/directory.service';
import { orukId } from '../../server/src/modules/oruk/oruk.ids';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

/** The ORUK 3.0 kit: its OpenAPI document names the schema of each endpoint's response. */
const KIT = path.join(__dirname, '../../shared/standards/oruk-3.0');
const SCHEMA_BASE = 'https://openreferraluk.org/specifications/3.0/schema/';
const openapi = JSON.parse(readFileSync(path.join(KIT, 'openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    {
      get: {
        responses: { 200: { content: { 'application/json': { schema: { $ref: string } } } } };
      };
    }
  >;
};
// The schemas carry keywords of their own (`core`, `constraints`…): not strict. Their $refs
// name the published site; each local file is registered under that address instead.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(path.join(KIT, 'schema'))) {
  if (/package|with_definitions|open_api|empy_list/.test(file)) continue;
  ajv.addSchema(
    JSON.parse(readFileSync(path.join(KIT, 'schema', file), 'utf8')),
    SCHEMA_BASE + file,
  );
}

function expectValid(schemaRef: string, body: unknown) {
  const validate = ajv.getSchema(schemaRef);
  if (!validate) throw new Error(`no schema ${schemaRef}`);
  if (!validate(body))
    throw new Error(
      `not valid against ${schemaRef}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`,
    );
}

let harbour: TestHarbour;

interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
type Json = Record<string, unknown> & { id: string; name: string };

/** GETs an ORUK path and checks the answer against the schema the ORUK OpenAPI gives it. */
async function oruk<T = Json>(url: string, openapiPath: string): Promise<T> {
  const response = await fetch(`${harbour.url}/api/oruk${url}`);
  const body = (await response.json()) as T;
  if (response.status !== 200)
    throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expectValid(
    openapi.paths[openapiPath]!.get.responses[200].content['application/json'].schema.$ref,
    body,
  );
  return body;
}
const list = <T = Json>(url: string, openapiPath: string) => oruk<Page<T>>(url, openapiPath);
const serviceNames = async (query: string) =>
  (await list(`/services?${query}`, '/services')).contents.map((s) => s.name).sort();

async function failure(url: string) {
  const response = await fetch(`${harbour.url}/api/oruk${url}`);
  return { status: response.status, body: (await response.json()) as { error: string } };
}

const ofsted = (identifier: string, rating: string): Registration => ({
  regulator: 'OFSTED',
  identifier,
  registrationType: "Children's home",
  status: 'ACTIVE',
  rating,
  inspectedOn: '2025-06-01',
});

/**
 * The location model requires `source` and `lastVerifiedAt` on each registration, though
 * `LocationInput` does not declare them: a new location with registrations needs both.
 */
const recorded = (registration: Registration) => ({
  ...registration,
  source: 'TEST',
  lastVerifiedAt: new Date(),
});

const ids = {} as Record<
  'tamar' | 'moor' | 'hidden' | 'overnight' | 'swim' | 'dartmoor' | 'hiddenCare',
  string
> &
  Record<'bideford' | 'exeter' | 'barnstaple' | 'okehampton' | 'hiddenPlace', string>;
const term = (code: string) => orukId('taxonomy_term', 'needs', code);

beforeAll(async () => {
  harbour = await startTestHarbour();
  const directory = harbour.harbour.services.directory;
  const service = (
    organisationId: string,
    locationIds: string[],
    input: Partial<ServiceInput> & Pick<ServiceInput, 'name' | 'type' | 'minAge' | 'maxAge'>,
  ) => directory.upsertService({ organisationId, locationIds, ...input });

  ids.tamar = (
    await directory.upsertProvider({
      name: 'Tamar Short Breaks',
      description: 'Short breaks across Devon for disabled children.',
      website: 'tamarbreaks.example.org',
      email: 'hello@tamarbreaks.example.org',
      registrations: [
        {
          regulator: 'CQC',
          identifier: '1-101',
          registrationType: 'Homecare agency',
          status: 'ACTIVE',
          rating: 'GOOD',
          inspectedOn: '2025-03-01',
        },
      ],
      source: 'TEST',
    })
  ).organisationId;
  // Places at the centres of their postcode districts, so distances are known.
  ids.bideford = (
    await directory.upsertLocation({
      organisationId: ids.tamar,
      name: 'Quay House',
      addressLine: '1 Quay Road',
      postcode: 'EX39 1AA',
      features: ['STEP_FREE', 'HOIST'],
      registrations: [recorded(ofsted('SC123456', 'GOOD'))],
    })
  ).locationId;
  ids.exeter = (
    await directory.upsertLocation({
      organisationId: ids.tamar,
      name: 'Exeter House',
      addressLine: '2 High Street',
      postcode: 'EX1 1AA',
      registrations: [
        recorded({
          regulator: 'CQC',
          identifier: '1-555',
          registrationType: 'Care home service without nursing',
          status: 'ACTIVE',
          rating: 'OUTSTANDING',
          inspectedOn: '2024-11-01',
        }),
      ],
    })
  ).locationId;
  // Rated Inadequate: this place is not published, though the service's others are.
  ids.barnstaple = (
    await directory.upsertLocation({
      organisationId: ids.tamar,
      name: 'Barnstaple House',
      postcode: 'EX31 1AA',
      registrations: [recorded(ofsted('SC999999', 'INADEQUATE'))],
    })
  ).locationId;
  ids.overnight = (
    await service(ids.tamar, [ids.bideford, ids.exeter, ids.barnstaple], {
      name: 'Overnight breaks',
      description: 'Weekend stays with friends.',
      type: 'OVERNIGHT_SHORT_BREAK',
      needs: ['AUTISM', 'PHYSICAL_DISABILITY'],
      minAge: 8,
      maxAge: 18,
      ratios: ['ONE_TO_ONE'],
      funding: ['DIRECT_PAYMENT'],
      days: ['SAT', 'SUN'],
      startTime: '10:00',
      endTime: '16:00',
      costOptions: [{ label: 'Per night', amountPence: 18050, unit: 'NIGHT' }],
      phone: '01237 123456',
    })
  ).serviceId;
  ids.swim = (
    await service(ids.tamar, [ids.bideford], {
      name: 'Saturday swim club',
      type: 'INCLUSIVE_ACTIVITY',
      needs: ['ADHD'],
      minAge: 5,
      maxAge: 11,
      days: ['SAT'],
      startTime: '09:00',
      endTime: '10:30',
      costOptions: [{ label: 'Per session', amountPence: 1250, unit: 'SESSION' }],
    })
  ).serviceId;

  ids.moor = (
    await directory.upsertProvider({ name: 'Moor Adventures', source: 'TEST' })
  ).organisationId;
  ids.okehampton = (
    await directory.upsertLocation({
      organisationId: ids.moor,
      name: 'Moor Base',
      postcode: 'EX20 1AA',
    })
  ).locationId;
  ids.dartmoor = (
    await service(ids.moor, [ids.okehampton], {
      name: 'Dartmoor holiday scheme',
      type: 'HOLIDAY_SCHEME',
      needs: ['SOCIAL_EMOTIONAL_MENTAL_HEALTH'],
      minAge: 11,
      maxAge: 19,
      days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    })
  ).serviceId;

  ids.hidden = (
    await directory.upsertProvider({
      name: 'Hidden Care',
      registrations: [ofsted('SC888888', 'INADEQUATE')],
      source: 'TEST',
    })
  ).organisationId;
  ids.hiddenPlace = (
    await directory.upsertLocation({
      organisationId: ids.hidden,
      name: 'Hidden House',
      postcode: 'EX32 1AA',
    })
  ).locationId;
  ids.hiddenCare = (
    await service(ids.hidden, [ids.hiddenPlace], {
      name: 'Hidden day care',
      type: 'DAY_CARE',
      needs: ['AUTISM'],
      minAge: 5,
      maxAge: 18,
    })
  ).serviceId;
});

afterAll(async () => {
  await harbour?.stop();
});

describe('every endpoint answers valid Open Referral UK 3.0, without signing in', () => {
  it('describes the API at its root', async () => {
    expect(await oruk('/', '/')).toEqual({
      version: 'HSDS-UK-3.0',
      profile: expect.any(String),
      openapi_url: expect.stringMatching(/^https:\/\//),
    });
  });

  it('lists the services families can see, with their organizations', async () => {
    const page = await list('/services', '/services');
    expect(page.contents.map((s) => s.name).sort()).toEqual([
      'Dartmoor holiday scheme',
      'Overnight breaks',
      'Saturday swim club',
    ]);
    expect(page).toMatchObject({ total_items: 3, total_pages: 1, page_number: 1, size: 3 });
    expect(page.contents.find((s) => s.name === 'Overnight breaks')).toMatchObject({
      id: orukId('service', ids.overnight),
      organization: { id: orukId('organization', ids.tamar), name: 'Tamar Short Breaks' },
      minimum_age: 8,
      maximum_age: 18,
      status: 'active',
    });
  });

  it('gives a fully nested service: places, registrations, costs in pounds, schedule, needs', async () => {
    const service = await oruk<{
      service_at_locations: {
        location: {
          external_identifier?: string;
          external_identifier_type?: string;
          addresses: { postal_code: string; city: string }[];
          accessibility: { description: string }[];
        };
      }[];
      cost_options: unknown[];
      schedules: unknown[];
      attributes: { taxonomy_term_id: string; link_id: string }[];
      organization: { organization_identifiers: unknown[]; website: string };
      contacts: { phones: unknown[] }[];
    }>(`/services/${orukId('service', ids.overnight)}`, '/services/{id}');
    const places = service.service_at_locations.map((sal) => sal.location);
    expect(places.map((p) => p.addresses[0]!.postal_code).sort()).toEqual(['EX1 1AA', 'EX39 1AA']);
    expect(places.find((p) => p.addresses[0]!.city === 'Bideford')).toMatchObject({
      external_identifier: 'SC123456',
      external_identifier_type: 'Ofsted URN',
      accessibility: [{ description: 'Step-free access' }, { description: 'Hoist' }],
    });
    expect(places.find((p) => p.addresses[0]!.city === 'Exeter')).toMatchObject({
      external_identifier: '1-555',
      external_identifier_type: 'CQC location ID',
    });
    expect(service.cost_options).toEqual([
      expect.objectContaining({
        option: 'Per night',
        amount: 180.5,
        amount_description: 'per night',
      }),
    ]);
    expect(service.schedules).toEqual([
      expect.objectContaining({
        freq: 'WEEKLY',
        byday: 'SA,SU',
        opens_at: '10:00',
        closes_at: '16:00',
      }),
    ]);
    expect(service.attributes.map((a) => a.taxonomy_term_id)).toEqual(
      expect.arrayContaining([term('AUTISM'), term('PHYSICAL_DISABILITY')]),
    );
    expect(service.organization).toMatchObject({
      website: 'https://tamarbreaks.example.org',
      organization_identifiers: [
        expect.objectContaining({ identifier_type: 'CQC provider ID', identifier: '1-101' }),
      ],
    });
    for (const phone of service.contacts.flatMap((c) => c.phones))
      expectValid(`${SCHEMA_BASE}phone.json`, phone);
  });

  it('lists organizations with services families can see, and one with its services', async () => {
    const page = await list('/organizations', '/organizations');
    expect(page.contents.map((o) => o.name)).toEqual(['Moor Adventures', 'Tamar Short Breaks']);
    const tamar = await oruk<{ services: { name: string }[] }>(
      `/organizations/${orukId('organization', ids.tamar)}`,
      '/organizations/{id}',
    );
    expect(tamar.services.map((s) => s.name)).toEqual(['Overnight breaks', 'Saturday swim club']);
  });

  it('lists each service at each place, and gives one fully nested', async () => {
    const page = await list<{ id: string; location: { addresses: { city: string }[] } }>(
      '/service_at_locations',
      '/service_at_locations',
    );
    expect(page.total_items).toBe(4);
    expect(page.contents.map((sal) => sal.location.addresses[0]!.city).sort()).toEqual([
      'Bideford',
      'Bideford',
      'Exeter',
      'Okehampton',
    ]);
    const id = orukId('service_at_location', `${ids.overnight}:${ids.exeter}`);
    const sal = await oruk<{ service: { name: string; cost_options: unknown[] } }>(
      `/service_at_locations/${id}`,
      '/service_at_locations/{id}',
    );
    expect(sal.service).toMatchObject({
      name: 'Overnight breaks',
      cost_options: [expect.anything()],
    });
  });

  it('publishes Harbour’s needs and service types as taxonomies with stable term ids', async () => {
    const taxonomies = await list('/taxonomies', '/taxonomies');
    expect(taxonomies.contents.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Harbour needs', 'Harbour service types']),
    );
    const needs = await oruk<{ taxonomy_terms: { id: string; term: string }[] }>(
      `/taxonomies/${orukId('taxonomy', 'needs')}`,
      '/taxonomies/{id}',
    );
    expect(needs.taxonomy_terms).toContainEqual(
      expect.objectContaining({ id: 'a70508f2-0e81-5887-8091-a2ceba83a7e5', term: 'AUTISM' }),
    );
    const terms = await list<{ term: string; parent_id?: string }>(
      `/taxonomy_terms?per_page=100&taxonomy_id=${orukId('taxonomy', 'needs')}&top_only=true`,
      '/taxonomy_terms',
    );
    expect(terms.contents.map((t) => t.term)).toEqual([
      'AREA_COMMUNICATION_AND_INTERACTION',
      'AREA_COGNITION_AND_LEARNING',
      'AREA_SOCIAL_EMOTIONAL_MENTAL_HEALTH',
      'AREA_SENSORY_AND_PHYSICAL',
    ]);
    const autism = await oruk(`/taxonomy_terms/${term('AUTISM')}`, '/taxonomy_terms/{id}');
    expect(autism).toMatchObject({
      name: 'Autism',
      parent_id: term('AREA_COMMUNICATION_AND_INTERACTION'),
    });
  });
});

describe('filters narrow the lists', () => {
  it('search finds words in service and provider names', async () => {
    expect(await serviceNames('search=swim')).toEqual(['Saturday swim club']);
    expect(await serviceNames('search=tamar')).toEqual(['Overnight breaks', 'Saturday swim club']);
    expect(await serviceNames('search=nothing-like-this')).toEqual([]);
  });

  it('taxonomy_term_id finds services with a need, or any need in an area of need', async () => {
    expect(await serviceNames(`taxonomy_term_id=${term('AUTISM')}`)).toEqual(['Overnight breaks']);
    expect(
      await serviceNames(`taxonomy_term_id=${term('AREA_SOCIAL_EMOTIONAL_MENTAL_HEALTH')}`),
    ).toEqual(['Dartmoor holiday scheme', 'Saturday swim club']);
    const dayCare = orukId('taxonomy_term', 'service_types', 'HOLIDAY_SCHEME');
    expect(await serviceNames(`taxonomy_term_id=${dayCare}`)).toEqual(['Dartmoor holiday scheme']);
  });

  it('minimum_age and maximum_age find services open to some of those ages', async () => {
    expect(await serviceNames('minimum_age=12')).toEqual([
      'Dartmoor holiday scheme',
      'Overnight breaks',
    ]);
    expect(await serviceNames('maximum_age=7')).toEqual(['Saturday swim club']);
    expect(await serviceNames('minimum_age=19&maximum_age=25')).toEqual([
      'Dartmoor holiday scheme',
    ]);
  });

  it('day finds services running on that day', async () => {
    expect(await serviceNames('day=MO')).toEqual(['Dartmoor holiday scheme']);
    expect(await serviceNames('day=saturday')).toEqual(['Overnight breaks', 'Saturday swim club']);
  });

  it('organization_id finds one provider’s services', async () => {
    expect(await serviceNames(`organization_id=${orukId('organization', ids.moor)}`)).toEqual([
      'Dartmoor holiday scheme',
    ]);
  });

  it('postcode orders places by distance from it, and proximity (metres) limits them', async () => {
    const cities = async (query: string) =>
      (
        await list<{ location: { addresses: { city: string }[] } }>(
          `/service_at_locations?${query}`,
          '/service_at_locations',
        )
      ).contents.map((sal) => sal.location.addresses[0]!.city);
    // Exeter 0 km, Okehampton about 34 km, Bideford about 58 km from EX1.
    expect(await cities('postcode=EX1')).toEqual(['Exeter', 'Okehampton', 'Bideford', 'Bideford']);
    expect(await cities('postcode=EX1%201AA&proximity=40000')).toEqual(['Exeter', 'Okehampton']);
    expect(await cities('postcode=ex1&proximity=10000')).toEqual(['Exeter']);
    const services = await list('/services?postcode=EX1&proximity=40000', '/services');
    expect(services.contents.map((s) => s.name)).toEqual([
      'Overnight breaks',
      'Dartmoor holiday scheme',
    ]);
    const organizations = await list(
      '/organizations?postcode=EX20&proximity=1000',
      '/organizations',
    );
    expect(organizations.contents.map((o) => o.name)).toEqual(['Moor Adventures']);
  });
});

describe('paging', () => {
  it('pages from 1 with the ORUK wrapper, every item once', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        list(`/service_at_locations?per_page=1&page=${n}`, '/service_at_locations'),
      ),
    );
    expect(pages.map(({ contents: _, ...wrapper }) => wrapper)).toEqual([
      {
        total_items: 4,
        total_pages: 4,
        page_number: 1,
        size: 1,
        first_page: true,
        last_page: false,
        empty: false,
      },
      {
        total_items: 4,
        total_pages: 4,
        page_number: 2,
        size: 1,
        first_page: false,
        last_page: false,
        empty: false,
      },
      {
        total_items: 4,
        total_pages: 4,
        page_number: 3,
        size: 1,
        first_page: false,
        last_page: false,
        empty: false,
      },
      {
        total_items: 4,
        total_pages: 4,
        page_number: 4,
        size: 1,
        first_page: false,
        last_page: true,
        empty: false,
      },
    ]);
    expect(new Set(pages.map((p) => p.contents[0]!.id)).size).toBe(4);
    const services = await list('/services?per_page=2&page=2', '/services');
    expect(services).toMatchObject({ total_items: 3, total_pages: 2, size: 1, last_page: true });
    const beyond = await list('/services?per_page=2&page=5', '/services');
    expect(beyond).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
  });
});

describe('mistakes', () => {
  it.each([
    ['/services?per_page=101', /per_page can be at most 100/],
    ['/service_at_locations?page=0', /page must be a whole number of 1 or more/],
    ['/services?minimum_age=young', /minimum_age/],
    ['/services?minimum_age=12&maximum_age=5', /minimum_age must not be more than maximum_age/],
    ['/services?postcode=EX99', /^We could not find EX99 in Devon/],
    ['/service_at_locations?proximity=1000', /proximity needs a postcode/],
    ['/services?postcode=EX1&proximity=far', /proximity must be a distance in metres/],
    ['/services?day=funday', /day "funday"/],
    ['/services?taxonomy_term_id=AUTISM', /taxonomy_term_id "AUTISM" is not one of ours/],
    ['/organizations?per_page=500', /per_page can be at most 100/],
    ['/taxonomy_terms?top_only=maybe', /top_only must be true or false/],
    ['/services?format=ndjson', /format "ndjson" is not offered/],
  ])('%s is a 400 that names the parameter', async (url, message) => {
    const { status, body } = await failure(url);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it.each([
    ['/services/', orukId('service', 'nothing')],
    ['/services/', 'not-a-uuid'],
    ['/organizations/', orukId('organization', 'nothing')],
    ['/service_at_locations/', orukId('service_at_location', 'nothing')],
    ['/taxonomies/', orukId('taxonomy', 'nothing')],
    ['/taxonomy_terms/', 'AUTISM'],
  ])('%s%s is a 404', async (prefix, id) => {
    const { status, body } = await failure(`${prefix}${id}`);
    expect(status).toBe(404);
    expect(body.error).toContain(id);
  });

  it('publishes nothing of what families cannot see (Inadequate or lapsed)', async () => {
    expect((await failure(`/services/${orukId('service', ids.hiddenCare)}`)).status).toBe(404);
    expect((await failure(`/organizations/${orukId('organization', ids.hidden)}`)).status).toBe(
      404,
    );
    const barnstaple = orukId('service_at_location', `${ids.overnight}:${ids.barnstaple}`);
    expect((await failure(`/service_at_locations/${barnstaple}`)).status).toBe(404);
  });
});

it('lets any site read it (open CORS), without signing in', async () => {
  const response = await fetch(`${harbour.url}/api/oruk/services`, {
    headers: { origin: 'https://other-council.example.org' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
});
