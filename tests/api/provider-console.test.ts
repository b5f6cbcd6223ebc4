import { signInDemo } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;
let organisationId: string;

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
  const { body } = await harbour.graphql<{
    viewer: { organisations: { organisation: { id: string } }[] };
  }>('{ viewer { organisations { organisation { id } } } }', {}, demo.provider);
  organisationId = body.data!.viewer.organisations[0]!.organisation.id;
});

afterAll(async () => {
  await harbour.stop();
});

const CONSOLE = `query($id: ID!) { providerConsole(organisationId: $id) {
  organisation { name canPublish }
  profile { phone lastVerifiedAt registrations { identifier } }
  locations { id name postcode lat lng }
  services { id name status listingIds lastVerifiedAt costOptions { amount { amountPence } } }
  pendingRegistrationChanges { id registration { identifier } state }
} }`;

type Console = {
  providerConsole: {
    organisation: { name: string; canPublish: boolean };
    profile: { phone: string; lastVerifiedAt: string; registrations: { identifier: string }[] };
    locations: { id: string; name: string; postcode: string; lat: number; lng: number }[];
    services: {
      id: string;
      name: string;
      status: string;
      listingIds: string[];
      lastVerifiedAt: string;
    }[];
    pendingRegistrationChanges: {
      id: string;
      registration: { identifier: string };
      state: string;
    }[];
  };
};

const consoleOf = async () =>
  (await harbour.graphql<Console>(CONSOLE, { id: organisationId }, demo.provider)).body.data!
    .providerConsole;

it('shows the provider its organisation, locations and services', async () => {
  const state = await consoleOf();
  expect(state.organisation).toEqual({ name: 'Sunrise Play (demo)', canPublish: true });
  expect(state.locations.map((l) => l.name).sort()).toEqual([
    'Sunrise Barnstaple',
    'Sunrise Bideford',
  ]);
  expect(state.services).toHaveLength(3);
});

it('adds a location with a pin, and a service there that families can then find', async () => {
  const location = await harbour.graphql<{
    locationSave: { userErrors: unknown[]; locationId: string };
  }>(
    'mutation($input: LocationSaveInput!) { locationSave(input: $input) { userErrors { field message } locationId } }',
    {
      input: {
        organisationId,
        name: 'Sunrise Torrington',
        postcode: 'ex38 7aa',
        lat: 50.954,
        lng: -4.144,
        features: ['STEP_FREE'],
      },
    },
    demo.provider,
  );
  expect(location.body.data?.locationSave.userErrors).toEqual([]);
  const save =
    'mutation($input: ServiceSaveInput!) { serviceSave(input: $input) { userErrors { field message code } serviceId } }';
  const input = {
    organisationId,
    locationIds: [location.body.data!.locationSave.locationId],
    name: 'Sunrise Sensory Saturdays',
    type: 'INCLUSIVE_ACTIVITY',
    needs: ['AUTISM', 'SENSORY' + '_X'],
    minAge: 6,
    maxAge: 14,
    costOptions: [{ label: 'Per session', amountPence: 1250, unit: 'SESSION' }],
    funding: ['PERSONAL_BUDGET', 'FREE'],
    days: ['SAT'],
    startTime: '10:00',
    endTime: '09:00',
  };
  const bad = await harbour.graphql<{
    serviceSave: { userErrors: { field: string[]; message: string }[] };
  }>(save, { input }, demo.provider);
  expect(bad.body.data?.serviceSave.userErrors).toEqual([
    {
      field: ['input', 'needs', '1'],
      message: expect.stringContaining('Unknown need "SENSORY_X"'),
      code: 'INVALID',
    },
  ]);
  const badTimes = await harbour.graphql<{
    serviceSave: { userErrors: { field: string[]; message: string }[] };
  }>(save, { input: { ...input, needs: ['AUTISM'] } }, demo.provider);
  expect(badTimes.body.data?.serviceSave.userErrors).toEqual([
    {
      field: ['input', 'endTime'],
      message: 'Finishing time must be after the start time',
      code: 'INVALID',
    },
  ]);
  const badPlan = await harbour.graphql<{
    serviceSave: { userErrors: { field: string[]; message: string }[] };
  }>(
    save,
    {
      input: {
        ...input,
        needs: ['AUTISM'],
        endTime: '12:00',
        upcomingRatios: [{ ratio: 'ONE_TO_ONE', from: 'September' }],
      },
    },
    demo.provider,
  );
  expect(badPlan.body.data?.serviceSave.userErrors).toEqual([
    {
      field: ['input', 'upcomingRatios', '0', 'from'],
      message: 'Enter the date it starts, like 2027-09-01',
      code: 'INVALID',
    },
  ]);
  const good = await harbour.graphql<{ serviceSave: { userErrors: unknown[]; serviceId: string } }>(
    save,
    {
      input: {
        ...input,
        needs: ['AUTISM'],
        endTime: '12:00',
        upcomingRatios: [{ ratio: 'ONE_TO_ONE', from: '2027-09-01' }],
      },
    },
    demo.provider,
  );
  expect(good.body.data?.serviceSave.userErrors).toEqual([]);

  const found = await harbour.graphql<{
    directorySearch: {
      results: { edges: { node: { name: string; address: { postcode: string } } }[] };
    };
  }>(
    '{ directorySearch(input: { text: "sensory saturdays" }) { results { edges { node { name address { postcode } upcomingRatios { ratio from } } } } } }',
  );
  expect(found.body.data?.directorySearch.results.edges.map((e) => e.node)).toEqual([
    {
      name: 'Sunrise Sensory Saturdays',
      address: { postcode: 'EX38 7AA' },
      upcomingRatios: [{ ratio: 'ONE_TO_ONE', from: '2027-09-01' }],
    },
  ]);
});

it('refuses a pin outside the UK and a postcode it cannot place without one', async () => {
  const save =
    'mutation($input: LocationSaveInput!) { locationSave(input: $input) { userErrors { field message } locationId } }';
  const paris = await harbour.graphql(
    save,
    { input: { organisationId, name: 'Paris', postcode: 'EX39 1AA', lat: 48.85, lng: 2.35 } },
    demo.provider,
  );
  expect(paris.body.data).toEqual({
    locationSave: {
      userErrors: [{ field: ['input', 'lat'], message: 'The pin must be in the UK' }],
      locationId: null,
    },
  });
  const truro = await harbour.graphql(
    save,
    { input: { organisationId, name: 'Truro', postcode: 'TR1 1AA' } },
    demo.provider,
  );
  expect(truro.body.data).toEqual({
    locationSave: {
      userErrors: [
        {
          field: ['input', 'postcode'],
          message: 'We could not place TR1 1AA on the map: drop a pin where the location is',
        },
      ],
      locationId: null,
    },
  });
});

it('keeps registration changes waiting until an admin approves them', async () => {
  const request = await harbour.graphql<{
    registrationChangeRequest: { userErrors: unknown[]; requestId: string };
  }>(
    'mutation($input: RegistrationChangeRequestInput!) { registrationChangeRequest(input: $input) { userErrors { message } requestId } }',
    {
      input: {
        organisationId,
        regulator: 'OFSTED',
        identifier: 'SC654321',
        registrationType: "Children's home",
        status: 'ACTIVE',
        rating: 'GOOD',
        inspectedOn: '2025-09-01',
      },
    },
    demo.provider,
  );
  const requestId = request.body.data!.registrationChangeRequest.requestId;
  let state = await consoleOf();
  expect(state.profile.registrations.map((r) => r.identifier)).toEqual(['EY555001']);
  expect(state.pendingRegistrationChanges.map((r) => r.registration.identifier)).toContain(
    'SC654321',
  );

  const review = await harbour.graphql(
    'mutation($id: ID!) { registrationChangeReview(input: { requestId: $id, decision: APPROVED }) { userErrors { message } } }',
    { id: requestId },
    demo.admin,
  );
  expect(review.body.data).toEqual({ registrationChangeReview: { userErrors: [] } });
  state = await consoleOf();
  expect(state.profile.registrations.map((r) => r.identifier).sort()).toEqual([
    'EY555001',
    'SC654321',
  ]);

  const listing = await harbour.graphql<{
    serviceListing: { registrations: { identifier: string }[] };
  }>('query($id: ID!) { serviceListing(id: $id) { registrations { identifier } } }', {
    id: state.services[0]!.listingIds[0],
  });
  expect(listing.body.data?.serviceListing.registrations.map((r) => r.identifier)).toContain(
    'SC654321',
  );
});

it('refreshes "last verified" when the provider confirms its details', async () => {
  const before = await consoleOf();
  await new Promise((wait) => setTimeout(wait, 20));
  const { body } = await harbour.graphql<{ providerDetailsConfirm: { lastVerifiedAt: string } }>(
    'mutation($id: ID!) { providerDetailsConfirm(input: { organisationId: $id }) { lastVerifiedAt } }',
    { id: organisationId },
    demo.provider,
  );
  const after = await consoleOf();
  expect(new Date(after.profile.lastVerifiedAt).getTime()).toBeGreaterThan(
    new Date(before.profile.lastVerifiedAt).getTime(),
  );
  expect(
    after.services.every(
      (s) => s.lastVerifiedAt === body.data!.providerDetailsConfirm.lastVerifiedAt,
    ),
  ).toBe(true);
});

it('does not let an unverified provider publish', async () => {
  const created = await harbour.graphql<{ organisationCreate: { organisation: { id: string } } }>(
    'mutation { organisationCreate(input: { name: "New Club (demo)", kind: PROVIDER }) { organisation { id } } }',
    {},
    demo.provider,
  );
  const newId = created.body.data!.organisationCreate.organisation.id;
  const { signIn } = await import('../support/accounts');
  const provider = await signIn(harbour, 'provider@demo.harbour.test');
  const location = await harbour.graphql<{ locationSave: { locationId: string } }>(
    'mutation($input: LocationSaveInput!) { locationSave(input: $input) { locationId } }',
    { input: { organisationId: newId, name: 'Hall', postcode: 'EX39' } },
    provider,
  );
  const save = await harbour.graphql(
    'mutation($input: ServiceSaveInput!) { serviceSave(input: $input) { userErrors { code message } serviceId } }',
    {
      input: {
        organisationId: newId,
        locationIds: [location.body.data!.locationSave.locationId],
        name: 'Club',
        type: 'INCLUSIVE_ACTIVITY',
        minAge: 5,
        maxAge: 10,
      },
    },
    provider,
  );
  expect(save.body.data).toMatchObject({
    serviceSave: { userErrors: [{ code: 'NOT_VERIFIED' }], serviceId: null },
  });
});
