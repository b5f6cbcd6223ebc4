import { SearchIndex } from '../../server/src/modules/directory/search-index';
import type { ServiceInput } from '../../server/src/modules/directory/directory.service';
import { createLogger } from '../../server/src/platform/logger';
import { signIn, signInDemo } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;
const ids: Record<string, string> = {};

const SEARCH = /* GraphQL */ `
  query Search($input: DirectorySearchInput!, $first: Int, $after: String) {
    directorySearch(input: $input, first: $first, after: $after) {
      userErrors {
        field
        message
        code
      }
      place {
        postcode
        town
        district
        lat
        lng
      }
      results {
        totalCount
        edges {
          cursor
          node {
            id
            name
            providerName
            distanceKm
            lat
            lng
            hiddenFromFamilies
            complianceFlags {
              code
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        facets {
          needs {
            value
            count
          }
          districts {
            value
            count
          }
          types {
            value
            count
          }
        }
      }
      markers {
        id
        lat
        lng
      }
    }
  }
`;

type Node = {
  id: string;
  name: string;
  distanceKm: number | null;
  lat: number;
  lng: number;
  hiddenFromFamilies: boolean;
  complianceFlags: { code: string }[] | null;
};
type SearchData = {
  directorySearch: {
    userErrors: { field: string[]; message: string; code: string }[];
    place: { town: string; district: string; lat: number; lng: number } | null;
    results: {
      totalCount: number;
      edges: { cursor: string; node: Node }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      facets: {
        needs: { value: string; count: number }[];
        districts: { value: string; count: number }[];
      };
    } | null;
    markers: { id: string; lat: number; lng: number }[] | null;
  };
};

async function search(
  input: Record<string, unknown>,
  options: { first?: number; after?: string; headers?: Record<string, string> } = {},
) {
  const { body } = await harbour.graphql<SearchData>(
    SEARCH,
    { input, first: options.first, after: options.after },
    options.headers,
  );
  if (!body.data) throw new Error(JSON.stringify(body));
  return body.data.directorySearch;
}
const names = async (input: Record<string, unknown>) =>
  (await search({ ...input, districts: ['Torridge'] }, { first: 100 }))
    .results!.edges.map((e) => e.node.name)
    .filter((n) => n.startsWith('Test '))
    .sort();

const base = (
  organisationId: string,
  locationIds: string[],
  overrides: Partial<ServiceInput>,
): ServiceInput => ({
  organisationId,
  locationIds,
  name: 'Test',
  type: 'INCLUSIVE_ACTIVITY',
  needs: ['AUTISM'],
  minAge: 5,
  maxAge: 18,
  funding: ['PERSONAL_BUDGET'],
  days: ['SAT'],
  startTime: '10:00',
  endTime: '12:00',
  costOptions: [{ label: 'Session', amountPence: 1200, unit: 'SESSION' }],
  ...overrides,
});

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
  const directory = harbour.harbour.services.directory;
  const { organisationId } = await directory.upsertProvider({
    name: 'Test Provider (fixture)',
    source: 'TEST',
  });
  const bideford = (
    await directory.upsertLocation({
      organisationId,
      name: 'Bideford Hall',
      postcode: 'EX39 3AB',
      lat: 51.02,
      lng: -4.2,
      features: ['STEP_FREE', 'CHANGING_PLACES'],
    })
  ).locationId;
  const northam = (
    await directory.upsertLocation({
      organisationId,
      name: 'Northam Hall',
      postcode: 'EX39 1XY',
      lat: 51.04,
      lng: -4.22,
      features: ['QUIET_SPACE'],
    })
  ).locationId;
  const add = async (key: string, overrides: Partial<ServiceInput>, locations = [bideford]) => {
    ids[key] = (
      await directory.upsertService(
        base(organisationId, locations, { name: `Test ${key}`, ...overrides }),
      )
    ).serviceId;
  };
  await add('Swim', {
    needs: ['AUTISM', 'ADHD'],
    minAge: 8,
    maxAge: 16,
    accessibilitySupport: [
      'https://openactive.io/accessibility-support#1393f2dc-3fcc-4be9-a99f-f1e51f5ad277',
    ],
  });
  await add(
    'Sitting',
    {
      type: 'SITTING_BEFRIENDING',
      funding: ['SELF_PAY'],
      days: ['TUE'],
      startTime: '18:00',
      endTime: '21:00',
      needs: ['PHYSICAL_DISABILITY'],
    },
    [northam],
  );
  await add('Nights', {
    type: 'OVERNIGHT_SHORT_BREAK',
    minAge: 10,
    maxAge: 17,
    needs: ['SEVERE_LEARNING_DIFFICULTY'],
  });
  // A registered, rated service, and an Inadequate one families do not see by default.
  const rated = await directory.upsertProvider({
    name: 'Test Rated Provider (fixture)',
    source: 'TEST',
    registrations: [
      {
        regulator: 'OFSTED',
        identifier: 'SC900001',
        registrationType: "Children's home",
        status: 'ACTIVE',
        rating: 'OUTSTANDING',
        inspectedOn: '2025-01-10',
      },
    ],
  });
  const ratedLocation = (
    await directory.upsertLocation({
      organisationId: rated.organisationId,
      name: 'Rated House',
      postcode: 'EX39 4ZZ',
      lat: 51.0,
      lng: -4.25,
    })
  ).locationId;
  ids.Rated = (
    await directory.upsertService(
      base(rated.organisationId, [ratedLocation], {
        name: 'Test Rated',
        type: 'OVERNIGHT_SHORT_BREAK',
        minAge: 8,
        maxAge: 17,
      }),
    )
  ).serviceId;
  const poor = await directory.upsertProvider({
    name: 'Test Poor Provider (fixture)',
    source: 'TEST',
    registrations: [
      {
        regulator: 'OFSTED',
        identifier: 'SC900002',
        registrationType: "Children's home",
        status: 'ACTIVE',
        rating: 'INADEQUATE',
        inspectedOn: '2025-06-01',
      },
    ],
  });
  const poorLocation = (
    await directory.upsertLocation({
      organisationId: poor.organisationId,
      name: 'Poor House',
      postcode: 'EX39 5ZZ',
      lat: 51.01,
      lng: -4.21,
    })
  ).locationId;
  ids.Poor = (
    await directory.upsertService(
      base(poor.organisationId, [poorLocation], {
        name: 'Test Poor',
        type: 'OVERNIGHT_SHORT_BREAK',
        minAge: 8,
        maxAge: 17,
      }),
    )
  ).serviceId;
});

afterAll(async () => {
  await harbour.stop();
});

describe('every filter', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['free text', { text: 'swim' }, ['Test Swim']],
    ['needs (all of them)', { needs: ['AUTISM', 'ADHD'] }, ['Test Swim']],
    ["the child's age", { age: 7 }, ['Test Sitting']],
    [
      'accessibility support',
      {
        accessibilitySupport: [
          'https://openactive.io/accessibility-support#1393f2dc-3fcc-4be9-a99f-f1e51f5ad277',
        ],
      },
      ['Test Swim'],
    ],
    ['location features', { features: ['QUIET_SPACE'] }, ['Test Sitting']],
    ['service type', { types: ['SITTING_BEFRIENDING'] }, ['Test Sitting']],
    ['funding', { funding: ['SELF_PAY'] }, ['Test Sitting']],
    ['day', { days: ['TUE'] }, ['Test Sitting']],
    ['time of day', { fromTime: '17:00', toTime: '19:00' }, ['Test Sitting']],
    ['minimum rating', { minimumRating: 'OUTSTANDING' }, ['Test Rated']],
    ['registered only', { registeredOnly: true, text: 'test' }, ['Test Rated']],
  ])('%s', async (_filter, input, expected) => {
    expect(await names(input)).toEqual(expected);
  });

  it('district', async () => {
    const result = await search({ districts: ['Exeter'], text: 'test' });
    expect(result.results!.totalCount).toBe(0);
    expect((await names({})).length).toBeGreaterThanOrEqual(4);
  });
});

describe('place', () => {
  it('finds services near a postcode district, nearest first, with distances checked by brute force', async () => {
    const result = await search({ near: { postcode: 'ex39', radiusKm: 25 } }, { first: 100 });
    expect(result.place).toMatchObject({ town: 'Bideford', district: 'Torridge' });
    const nodes = result.results!.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(3);
    const haversine = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
      const r = Math.PI / 180;
      const h =
        Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
        Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    };
    const centre = { lat: result.place!.lat, lng: result.place!.lng };
    const bruteForce = [...nodes].sort((a, b) => haversine(centre, a) - haversine(centre, b));
    expect(nodes.map((n) => haversine(centre, n))).toEqual(
      bruteForce.map((n) => haversine(centre, n)),
    );
    for (const node of nodes) {
      expect(node.distanceKm).toBeCloseTo(haversine(centre, node), 0);
      expect(haversine(centre, node)).toBeLessThanOrEqual(25);
    }
  });

  it('finds what is inside the map bounds', async () => {
    const bounds = { south: 51.015, west: -4.23, north: 51.05, east: -4.19 };
    const result = await search({ bounds, text: 'test' }, { first: 100 });
    const found = result.results!.edges.map((e) => e.node);
    expect(found.map((n) => n.name).sort()).toEqual(['Test Nights', 'Test Sitting', 'Test Swim']);
    expect(
      found.every(
        (n) =>
          n.lat >= bounds.south &&
          n.lat <= bounds.north &&
          n.lng >= bounds.west &&
          n.lng <= bounds.east,
      ),
    ).toBe(true);
    expect(result.markers!.map((m) => m.id).sort()).toEqual(found.map((n) => n.id).sort());
  });

  it('pages with cursors without repeating or skipping, and counts facets over every page', async () => {
    const all = await search({ near: { lat: 50.9, lng: -3.7 } }, { first: 100 });
    const expected = all.results!.edges.map((e) => e.node.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search({ near: { lat: 50.9, lng: -3.7 } }, { first: 4, after });
      seen.push(...page.results!.edges.map((e) => e.node.id));
      if (!page.results!.pageInfo.hasNextPage) break;
      after = page.results!.pageInfo.endCursor!;
    }
    expect(seen).toEqual(expected);
    const districtTotal = all.results!.facets.districts.reduce((sum, f) => sum + f.count, 0);
    expect(districtTotal).toBe(all.results!.totalCount);
  });
});

describe('registration compliance in search', () => {
  it('leaves Inadequate services out for families, and shows them flagged to commissioners', async () => {
    const family = await names({ text: 'poor' });
    expect(family).toEqual([]);
    const asking = await search({ text: 'poor', includeHidden: true }, { headers: demo.parent });
    expect(asking.results!.totalCount).toBe(0);

    const commissioner = await search(
      { text: 'poor', includeHidden: true },
      { headers: demo.commissioner },
    );
    expect(commissioner.results!.edges[0]!.node).toMatchObject({
      name: 'Test Poor',
      hiddenFromFamilies: true,
      complianceFlags: [{ code: 'RATED_INADEQUATE' }],
    });
  });

  it('shows compliance flags to commissioners and not to families', async () => {
    const family = await search({ text: 'nights' }, { headers: demo.parent });
    expect(family.results!.edges[0]!.node.complianceFlags).toBeNull();
    const commissioner = await search({ text: 'nights' }, { headers: demo.commissioner });
    expect(commissioner.results!.edges[0]!.node.complianceFlags).toEqual([
      { code: 'UNREGISTERED_CHILDRENS_CARE' },
    ]);
  });

  it('explains registrations in plain English on the service listing', async () => {
    const result = await search({ text: 'rated' });
    const id = result.results!.edges[0]!.node.id;
    const { body } = await harbour.graphql<{
      serviceListing: {
        registrationSummary: string[];
        registrations: { identifier: string; rating: string }[];
      };
    }>(
      'query($id: ID!) { serviceListing(id: $id) { registrationSummary registrations { identifier rating } } }',
      { id },
    );
    expect(body.data?.serviceListing).toEqual({
      registrationSummary: [
        'Registered with Ofsted (SC900001), rated Outstanding in January 2025.',
      ],
      registrations: [{ identifier: 'SC900001', rating: 'OUTSTANDING' }],
    });
  });
});

describe('bad input', () => {
  it.each<
    [string, Record<string, unknown>, { first?: number }, { field: string[]; message: string }]
  >([
    [
      'an unknown postcode',
      { near: { postcode: 'EX99' } },
      {},
      {
        field: ['input', 'near', 'postcode'],
        message:
          'We could not find EX99 in Devon, Plymouth or Torbay. Check the postcode, or move the map to where you want to look.',
      },
    ],
    [
      'a radius over 100 km',
      { near: { postcode: 'EX39', radiusKm: 150 } },
      {},
      { field: ['input', 'near', 'radiusKm'], message: 'Search within 100 km or less' },
    ],
    [
      'a page of more than 100',
      {},
      { first: 500 },
      { field: ['first'], message: 'Show between 1 and 100 results at a time' },
    ],
    [
      'a point outside the UK',
      { near: { lat: 48.85, lng: 2.35 } },
      {},
      { field: ['input', 'near'], message: 'Choose a place in the UK' },
    ],
    [
      'an unknown need',
      { needs: ['TELEPATHY'] },
      {},
      {
        field: ['input', 'needs', '0'],
        message: expect.stringContaining('Unknown need "TELEPATHY"'),
      },
    ],
  ])('explains %s', async (_case, input, options, error) => {
    const result = await search(input, options);
    expect(result.results).toBeNull();
    expect(result.userErrors[0]).toMatchObject(error);
  });

  it('refuses coordinates outside the UK for a location', async () => {
    const directory = harbour.harbour.services.directory;
    const { organisationId } = await directory.upsertProvider({
      name: 'Far Away (fixture)',
      source: 'TEST',
    });
    await expect(
      directory.upsertLocation({
        organisationId,
        name: 'Paris',
        postcode: 'EX39 1AA',
        lat: 48.85,
        lng: 2.35,
      }),
    ).rejects.toThrow('Coordinates 48.85, 2.35 are outside the UK');
  });
});

it('keeps another server process’s search index up to date through the change log', async () => {
  const otherProcess = new SearchIndex(createLogger('silent'));
  await otherProcess.start();
  const before = otherProcess.size;
  const directory = harbour.harbour.services.directory;
  const { organisationId } = await directory.upsertProvider({
    name: 'Late Provider (fixture)',
    source: 'TEST',
  });
  const { locationId } = await directory.upsertLocation({
    organisationId,
    name: 'Late Hall',
    postcode: 'EX39 9ZZ',
  });
  const { serviceId } = await directory.upsertService(
    base(organisationId, [locationId], { name: 'Test Late' }),
  );
  await otherProcess.refresh();
  expect(otherProcess.size).toBe(before + 1);
  expect(otherProcess.get(`${serviceId}:${locationId}`)?.serviceName).toBe('Test Late');

  await directory.upsertService(
    base(organisationId, [locationId], { name: 'Test Late', status: 'WITHDRAWN' }),
    serviceId,
  );
  await otherProcess.refresh();
  expect(otherProcess.get(`${serviceId}:${locationId}`)).toBeUndefined();
  otherProcess.stop();
  expect(await signIn(harbour, 'parent@demo.harbour.test')).toBeTruthy();
});
