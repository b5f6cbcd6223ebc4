import { londonToday, STAFF_SKILLS } from '@harbour/shared';
import type { TestHarbour } from './harbour';

type Auth = { authorization: string };

/** YYYY-MM-DD in London, `days` from today. */
export function dayFromToday(days: number): string {
  const [y, m, d] = londonToday().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const TERMS = {
  places: 8,
  staff: 2,
  groupRatio: 4,
  minAge: 0,
  maxAge: 25,
  opensDaysBefore: 60,
  closesHoursBefore: 0,
  pricePence: 1200,
  freeCancellationHours: 48,
};

/** The provider's organisation and a new service, open to every child, listed at its first location. */
export async function bookableService(
  harbour: TestHarbour,
  provider: Auth,
  overrides: Record<string, unknown> = {},
): Promise<{ organisationId: string; listingId: string; serviceId: string }> {
  const viewer = await harbour.graphql<{
    viewer: { organisations: { organisation: { id: string } }[] };
  }>('{ viewer { organisations { organisation { id } } } }', {}, provider);
  const organisationId = viewer.body.data!.viewer.organisations[0]!.organisation.id;
  const console = await harbour.graphql<{ providerConsole: { locations: { id: string }[] } }>(
    'query($id: ID!) { providerConsole(organisationId: $id) { locations { id } } }',
    { id: organisationId },
    provider,
  );
  const locationId = console.body.data!.providerConsole.locations[0]!.id;
  const saved = await harbour.graphql<{
    serviceSave: { userErrors: { message: string }[]; serviceId: string };
  }>(
    `mutation($input: ServiceSaveInput!) { serviceSave(input: $input) { userErrors { message } serviceId } }`,
    {
      input: {
        organisationId,
        locationIds: [locationId],
        name: 'Harbour Test Club',
        description: 'An inclusive club for testing bookings',
        type: 'INCLUSIVE_ACTIVITY',
        minAge: 0,
        maxAge: 25,
        ratios: ['GROUP', 'ONE_TO_ONE', 'TWO_TO_ONE'],
        skills: STAFF_SKILLS.codes,
        funding: ['SELF_PAY', 'PERSONAL_BUDGET'],
        ...overrides,
      },
    },
    provider,
  );
  const { serviceId, userErrors } = saved.body.data!.serviceSave;
  if (userErrors.length) throw new Error(JSON.stringify(userErrors));
  return { organisationId, serviceId, listingId: `${serviceId}:${locationId}` };
}

export const SESSION_FIELDS =
  'id date when startsAt placesLeft placesBooked staffNeeded waitlistLength status price { amountPence }';

export async function createSeries(
  harbour: TestHarbour,
  provider: Auth,
  listingId: string,
  schedule: Record<string, unknown>,
  terms: Record<string, unknown> = {},
) {
  const { body } = await harbour.graphql<{
    sessionSeriesCreate: {
      userErrors: { field: string[] | null; message: string; code: string }[];
      seriesId: string | null;
      sessions: { id: string; date: string; when: string; startsAt: string; placesLeft: number }[];
    };
  }>(
    `mutation($input: SessionSeriesCreateInput!) { sessionSeriesCreate(input: $input) {
      userErrors { field message code } seriesId sessions { ${SESSION_FIELDS} } } }`,
    {
      input: {
        listingId,
        schedule: { startTime: '16:00', endTime: '18:00', ...schedule },
        terms: { ...TERMS, ...terms },
      },
    },
    provider,
  );
  if (!body.data) throw new Error(JSON.stringify(body));
  return body.data.sessionSeriesCreate;
}

export const BOOKING_FIELDS =
  'id reference state child { id firstName } session { id date placesLeft } offerExpiresAt cancellation { kind by } price { amountPence } funding\n  fundingParts { source name amount { amountPence } }';

export interface BookingResult {
  userErrors: { field: string[] | null; message: string; code: string }[];
  bookings: {
    id: string;
    reference: string;
    state: string;
    child: { id: string; firstName: string };
    session: { id: string; date: string; placesLeft: number };
    offerExpiresAt: string | null;
    cancellation: { kind: string; by: string } | null;
    price: { amountPence: number };
    funding: string;
    fundingParts: { source: string; name: string; amount: { amountPence: number } }[];
  }[];
}

export async function book(harbour: TestHarbour, family: Auth, input: Record<string, unknown>) {
  const { body } = await harbour.graphql<{ bookingCreate: BookingResult }>(
    `mutation($input: BookingCreateInput!) { bookingCreate(input: $input) {
      userErrors { field message code } bookings { ${BOOKING_FIELDS} } } }`,
    { input },
    family,
  );
  if (!body.data) throw new Error(JSON.stringify(body));
  return body.data.bookingCreate;
}

export async function childrenOf(harbour: TestHarbour, family: Auth) {
  const { body } = await harbour.graphql<{
    family: { children: { id: string; firstName: string }[] };
  }>('{ family { children { id firstName } } }', {}, family);
  return new Map(body.data!.family.children.map((c) => [c.firstName, c.id]));
}
