/**
 * Reliability under contention, on the real database: hundreds of families asking for the
 * last places at once. On FerretDB v1 a guarded update is not atomic, so these tests are what
 * shows the claim documents (unique ids) hold: never a place or a member of staff sold twice.
 */
import { signIn } from '../support/accounts';
import { book, bookableService, createSeries, dayFromToday } from '../support/bookings';
import { signInDemo } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

const FAMILIES = 300;
let harbour: TestHarbour;
let provider: { authorization: string };
let listingId: string;
/** One family each: its sign-in and its first child. */
let contenders: { auth: { authorization: string }; childId: string }[];

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true', DEMO_FAMILIES: String(FAMILIES) });
  provider = (await signInDemo(harbour)).provider;
  ({ listingId } = await bookableService(harbour, provider));
  contenders = [];
  const emails = Array.from(
    { length: FAMILIES },
    (_, i) => `family-${String(i + 1).padStart(3, '0')}@demo.harbour.test`,
  );
  for (let i = 0; i < emails.length; i += 10) {
    const batch = await Promise.all(
      emails.slice(i, i + 10).map(async (email) => {
        const auth = await signIn(harbour, email);
        const { body } = await harbour.graphql<{
          family: { children: { id: string; ageInYears: number }[] };
        }>('{ family { children { id ageInYears } } }', {}, auth);
        const [child] = body.data!.family.children;
        return child ? { auth: { authorization: auth.authorization }, childId: child.id } : null;
      }),
    );
    contenders.push(...batch.filter((c) => c !== null));
  }
}, 600_000);

afterAll(async () => {
  await harbour.stop();
});

/** A free session: places and staff are what these families race for (money races are in budgets-contention). */
async function session(terms: Record<string, unknown>) {
  const created = await createSeries(
    harbour,
    provider,
    listingId,
    { pattern: 'ONE_OFF', firstDate: dayFromToday(4) },
    { pricePence: 0, ...terms },
  );
  expect(created.userErrors).toEqual([]);
  return created.sessions[0]!.id;
}

async function everyoneAtOnce(sessionId: string) {
  return Promise.all(
    contenders.map(({ auth, childId }) =>
      book(harbour, auth, { childId, sessionIds: [sessionId], whenFull: 'WAITLIST' }),
    ),
  );
}

async function register(sessionId: string) {
  const { body } = await harbour.graphql<{
    sessionRegister: {
      session: { placesBooked: number; placesLeft: number; staffNeeded: number };
      entries: { booking: { state: string; supportNeeded: string } }[];
      waitlist: { id: string; waitlistPosition: number }[];
    };
  }>(
    `query($id: ID!) { sessionRegister(sessionId: $id) {
      session { placesBooked placesLeft staffNeeded }
      entries { booking { state supportNeeded } }
      waitlist { id waitlistPosition } } }`,
    { id: sessionId },
    provider,
  );
  return body.data!.sessionRegister;
}

it('has hundreds of families to compete', () => {
  expect(contenders).toHaveLength(FAMILIES);
});

it.each([1, 2, 3])(
  'round %i: every family at once for 8 places: exactly 8 confirmed, the rest waitlisted in order',
  async () => {
    const sessionId = await session({ places: 8, staff: 100, groupRatio: 4 });
    const replies = await everyoneAtOnce(sessionId);
    expect(replies.flatMap((r) => r.userErrors)).toEqual([]);
    const states = replies.map((r) => r.bookings[0]!.state);
    expect(states.filter((s) => s === 'CONFIRMED')).toHaveLength(8);
    expect(states.filter((s) => s === 'WAITLISTED')).toHaveLength(contenders.length - 8);

    const now = await register(sessionId);
    expect(now.session).toMatchObject({ placesBooked: 8, placesLeft: 0 });
    expect(now.entries).toHaveLength(8);
    // The queue is numbered 1, 2, 3 … in the order the requests arrived.
    expect(now.waitlist.map((b) => b.waitlistPosition)).toEqual(
      Array.from({ length: contenders.length - 8 }, (_, i) => i + 1),
    );
  },
  300_000,
);

it('with 1:1 and 2:1 children competing, the staff on shift are never exceeded', async () => {
  const staff = 3;
  const sessionId = await session({ places: 8, staff, groupRatio: 4 });
  const replies = await everyoneAtOnce(sessionId);
  expect(replies.flatMap((r) => r.userErrors)).toEqual([]);
  const now = await register(sessionId);
  expect(now.session.staffNeeded).toBeLessThanOrEqual(staff);
  expect(now.session.placesBooked).toBeLessThanOrEqual(8);
  const units = { GROUP: 1, ONE_TO_ONE: 4, TWO_TO_ONE: 8 } as Record<string, number>;
  const used = now.entries.reduce((sum, e) => sum + units[e.booking.supportNeeded]!, 0);
  expect(used).toBeLessThanOrEqual(staff * 4);
  expect(now.entries.length + now.waitlist.length).toBe(contenders.length);
}, 300_000);
