/**
 * Sessions and bookings through the API, on the real database: a provider's series, a
 * family's single and block bookings, the waiting list and its offers, cancellation terms,
 * the register and attendance, and the refusals each bad request gets.
 */
import { Types } from 'mongoose';
import { ScheduledSessionModel } from '../../server/src/modules/bookings/booking.model';
import { latestEmail, signInDemo } from '../support/accounts';
import {
  book,
  BOOKING_FIELDS,
  bookableService,
  childrenOf,
  createSeries,
  dayFromToday,
} from '../support/bookings';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;
let listingId: string;
let organisationId: string;
let sam: string;
let riley: string;
let alex: string;

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
  ({ listingId, organisationId } = await bookableService(harbour, demo.provider));
  const parentChildren = await childrenOf(harbour, demo.parent);
  sam = parentChildren.get('Sam')!;
  riley = parentChildren.get('Riley')!;
  alex = (await childrenOf(harbour, demo.parent2)).get('Alex')!;
});

afterAll(async () => {
  await harbour.stop();
});

const drainJobs = () => harbour.harbour.worker.drain();

async function weekly(count: number, terms: Record<string, unknown> = {}) {
  const created = await createSeries(
    harbour,
    demo.provider,
    listingId,
    { pattern: 'WEEKLY', firstDate: dayFromToday(3), count },
    terms,
  );
  expect(created.userErrors).toEqual([]);
  return created.sessions;
}

describe('a provider’s sessions', () => {
  it('makes a weekly series of sessions at 4pm London time, with places free', async () => {
    const sessions = await weekly(4);
    expect(sessions).toHaveLength(4);
    expect(sessions.map((s) => s.date)).toEqual([3, 10, 17, 24].map(dayFromToday));
    for (const session of sessions) {
      expect(session.when).toMatch(/, 4:00pm to 6:00pm$/);
      expect(session.placesLeft).toBe(8);
    }
  });

  it('makes a holiday scheme of day sessions, Monday to Friday', async () => {
    const created = await createSeries(
      harbour,
      demo.provider,
      listingId,
      {
        pattern: 'HOLIDAY_SCHEME',
        firstDate: dayFromToday(14),
        lastDate: dayFromToday(27),
        startTime: '09:30',
        endTime: '15:30',
      },
      { places: 12 },
    );
    expect(created.userErrors).toEqual([]);
    expect(created.sessions).toHaveLength(10);
    const weekdays = created.sessions.map((s) => new Date(`${s.date}T12:00:00Z`).getUTCDay());
    expect(weekdays.every((day) => day >= 1 && day <= 5)).toBe(true);
  });

  it('shows the week’s sessions in the calendar with their fill', async () => {
    const { body } = await harbour.graphql<{
      sessionCalendar: { date: string; placesLeft: number; staffNeeded: number }[];
    }>(
      'query($org: ID!, $week: String!) { sessionCalendar(organisationId: $org, weekOf: $week) { date placesLeft staffNeeded } }',
      { org: organisationId, week: dayFromToday(3) },
      demo.provider,
    );
    expect(body.data!.sessionCalendar.map((s) => s.date)).toContain(dayFromToday(3));
  });

  it.each([
    [
      'a pattern that gives no sessions',
      { pattern: 'ONE_OFF', firstDate: dayFromToday(5), exceptions: [{ date: dayFromToday(5) }] },
      {},
      'This pattern gives no sessions: check the dates, closures and exceptions',
    ],
    [
      'more than 500 sessions',
      { pattern: 'HOLIDAY_SCHEME', firstDate: dayFromToday(1), lastDate: dayFromToday(1200) },
      {},
      'This pattern gives more than 500 sessions: choose an earlier last date or fewer sessions',
    ],
    [
      'a session ending before it starts',
      { pattern: 'ONE_OFF', firstDate: dayFromToday(5), startTime: '16:00', endTime: '15:00' },
      {},
      'End time must be after the start time',
    ],
    [
      'a negative price',
      { pattern: 'ONE_OFF', firstDate: dayFromToday(5) },
      { pricePence: -100 },
      'Price cannot be negative',
    ],
    [
      'a fractional price',
      { pattern: 'ONE_OFF', firstDate: dayFromToday(5) },
      { pricePence: 12.5 },
      'Price must be a whole number of pence',
    ],
  ])('refuses %s, in words, and makes nothing', async (_what, schedule, terms, message) => {
    const created = await createSeries(harbour, demo.provider, listingId, schedule, terms);
    expect(created.userErrors.map((e) => e.message)).toEqual([message]);
    expect(created.seriesId).toBeNull();
  });

  it('refuses sessions for a service the provider does not run', async () => {
    const someoneElses = `${new Types.ObjectId().toHexString()}:${new Types.ObjectId().toHexString()}`;
    const created = await createSeries(harbour, demo.provider, someoneElses, {
      pattern: 'ONE_OFF',
      firstDate: dayFromToday(5),
    });
    expect(created.userErrors[0]!.code).toBe('NOT_FOUND');
  });
  it('refuses to cancel or move a date its pattern does not give, pointing at that date', async () => {
    const created = await createSeries(harbour, demo.provider, listingId, {
      pattern: 'WEEKLY',
      firstDate: dayFromToday(7),
      count: 3,
      exceptions: [{ date: dayFromToday(14) }, { date: dayFromToday(15) }],
    });
    expect(created.userErrors).toEqual([
      {
        field: ['input', 'schedule', 'exceptions', '1', 'date'],
        message: expect.stringMatching(/is not one of the dates this pattern gives/),
        code: 'INVALID',
      },
    ]);
    expect(created.sessions).toEqual([]);
  });
});

describe('family booking', () => {
  it('books one session, confirms it with a reference, and emails the family', async () => {
    const [session] = await weekly(1);
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    expect(booked.userErrors).toEqual([]);
    const [booking] = booked.bookings;
    expect(booking).toMatchObject({
      state: 'CONFIRMED',
      child: { firstName: 'Sam' },
      price: { amountPence: 1200 },
      funding: 'HELD',
      session: { placesLeft: 7 },
    });
    expect(booking!.reference).toMatch(/^HB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await drainJobs();
    const email = await latestEmail(harbour, 'parent@demo.harbour.test');
    expect(email.subject).toBe('Booking confirmed: Sam at Harbour Test Club');
    expect(email.body).toContain(booking!.reference);
  });

  it('books a whole block as one request and lists it in Your bookings with a calendar file', async () => {
    const sessions = await weekly(4);
    const booked = await book(harbour, demo.parent, {
      childId: riley,
      sessionIds: sessions.map((s) => s.id),
    });
    expect(booked.userErrors).toEqual([]);
    expect(booked.bookings.map((b) => b.state)).toEqual(Array(4).fill('CONFIRMED'));
    const { body } = await harbour.graphql<{
      familyBookings: { nodes: { reference: string; calendarFile: string }[] };
    }>(
      '{ familyBookings(when: UPCOMING, first: 50) { nodes { reference calendarFile } } }',
      {},
      demo.parent,
    );
    const references = body.data!.familyBookings.nodes.map((n) => n.reference);
    for (const b of booked.bookings) expect(references).toContain(b.reference);
    const file = body.data!.familyBookings.nodes.find(
      (n) => n.reference === booked.bookings[0]!.reference,
    )!.calendarFile;
    expect(file).toContain('BEGIN:VCALENDAR');
    expect(file).toContain(`Booking reference ${booked.bookings[0]!.reference}`);
  });

  it('shares the profile sections asked for with the provider', async () => {
    const [session] = await weekly(1);
    const booked = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: [session!.id],
      shareSections: ['NEEDS', 'EMERGENCY_CONTACTS'],
    });
    expect(booked.userErrors).toEqual([]);
    const { body } = await harbour.graphql<{
      child: { consents: { organisation: { id: string } }[] };
    }>(
      'query($id: ID!) { child(id: $id) { consents { organisation { id } } } }',
      { id: alex },
      demo.parent2,
    );
    expect(body.data!.child.consents.map((c) => c.organisation.id)).toContain(organisationId);
  });

  it('refuses a child who is not yours, changing nothing', async () => {
    const [session] = await weekly(1);
    const booked = await book(harbour, demo.parent2, { childId: sam, sessionIds: [session!.id] });
    expect(booked.userErrors).toEqual([
      {
        field: ['input', 'childId'],
        message: 'There is no child with this id that you can see',
        code: 'NOT_FOUND',
      },
    ]);
  });

  it('refuses a child too young on the day of the session, saying so', async () => {
    const [session] = await weekly(1, { minAge: 16, maxAge: 25 });
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    expect(booked.userErrors).toHaveLength(1);
    expect(booked.userErrors[0]!.code).toBe('NOT_SUITABLE');
    expect(booked.userErrors[0]!.message).toMatch(/this session is for ages 16 to 25$/);
  });

  it('refuses a session outside its booking window', async () => {
    const [session] = await weekly(1, { opensDaysBefore: 1 });
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    expect(booked.userErrors[0]!.message).toMatch(/Booking opens 1 days before the session$/);
    expect(booked.bookings).toEqual([]);
  });

  it('refuses a cancelled session', async () => {
    const [session] = await weekly(1);
    const cancelled = await harbour.graphql<{ sessionCancel: { userErrors: unknown[] } }>(
      'mutation($id: ID!) { sessionCancel(input: { sessionId: $id, reason: "Flooded hall" }) { userErrors { message } } }',
      { id: session!.id },
      demo.provider,
    );
    expect(cancelled.body.data!.sessionCancel.userErrors).toEqual([]);
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    expect(booked.userErrors[0]!.message).toMatch(
      /This session has been cancelled by the provider$/,
    );
  });

  it('refuses the same child twice at one session', async () => {
    const [session] = await weekly(1);
    expect(
      (await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] })).userErrors,
    ).toEqual([]);
    const again = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    expect(again.userErrors[0]!.code).toBe('ALREADY_BOOKED');
  });
});

describe('full sessions and the waiting list', () => {
  it('refuses a full session, offers the waiting list, and offers the place when one is cancelled', async () => {
    const [session] = await weekly(1, { places: 2, staff: 4 });
    await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    const rileys = await book(harbour, demo.parent, { childId: riley, sessionIds: [session!.id] });

    const refused = await book(harbour, demo.parent2, { childId: alex, sessionIds: [session!.id] });
    expect(refused.userErrors[0]).toMatchObject({ code: 'SESSION_FULL' });
    expect(refused.userErrors[0]!.message).toMatch(/You can join the waiting list$/);

    const queued = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: [session!.id],
      whenFull: 'WAITLIST',
    });
    expect(queued.bookings.map((b) => b.state)).toEqual(['WAITLISTED']);

    const cancel = await harbour.graphql<{
      bookingCancel: { userErrors: unknown[]; booking: { state: string; cancellation: unknown } };
    }>(
      `mutation($id: ID!) { bookingCancel(input: { bookingId: $id }) { userErrors { message } booking { ${BOOKING_FIELDS} } } }`,
      { id: rileys.bookings[0]!.id },
      demo.parent,
    );
    expect(cancel.body.data!.bookingCancel.booking).toMatchObject({
      state: 'CANCELLED',
      cancellation: { kind: 'EARLY', by: 'FAMILY' },
    });

    const offered = await harbour.graphql<{ booking: { state: string; offerExpiresAt: string } }>(
      'query($id: ID!) { booking(id: $id) { state offerExpiresAt } }',
      { id: queued.bookings[0]!.id },
      demo.parent2,
    );
    expect(offered.body.data!.booking.state).toBe('OFFERED');
    const held = new Date(offered.body.data!.booking.offerExpiresAt).getTime() - Date.now();
    expect(held).toBeGreaterThan(23 * 3_600_000);
    expect(held).toBeLessThanOrEqual(24 * 3_600_000);
    await drainJobs();
    expect((await latestEmail(harbour, 'parent2@demo.harbour.test')).subject).toMatch(
      /^A place for Alex at Harbour Test Club: reply by /,
    );
    // Priya gave a mobile number, so the offer, held only for hours, is texted too.
    const text = await latestEmail(harbour, '+447700900461');
    expect(text.channel).toBe('SMS');
    expect(text.body).toMatch(
      /^Harbour: a place has come up for Alex at Harbour Test Club\. We are holding it until .+\/families\/bookings$/,
    );

    const accepted = await harbour.graphql<{ bookingOfferAccept: { booking: { state: string } } }>(
      'mutation($id: ID!) { bookingOfferAccept(input: { bookingId: $id }) { userErrors { message } booking { state } } }',
      { id: queued.bookings[0]!.id },
      demo.parent2,
    );
    expect(accepted.body.data!.bookingOfferAccept.booking.state).toBe('CONFIRMED');
  });

  it('for a block with some sessions full: says which, and books none unless asked', async () => {
    const sessions = await weekly(3, { places: 1 });
    await book(harbour, demo.parent, { childId: sam, sessionIds: [sessions[1]!.id] });
    const refused = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: sessions.map((s) => s.id),
    });
    expect(refused.userErrors).toHaveLength(1);
    expect(refused.userErrors[0]!.code).toBe('SESSIONS_FULL');
    expect(refused.userErrors[0]!.message).toContain(
      '1 of these sessions is full or has no staff free for Alex',
    );
    expect(refused.bookings).toEqual([]);
    const calendar = await harbour.graphql<{
      listingSessions: { id: string; placesLeft: number }[];
    }>('query($id: ID!) { listingSessions(listingId: $id) { id placesLeft } }', { id: listingId });
    const left = new Map(calendar.body.data!.listingSessions.map((s) => [s.id, s.placesLeft]));
    expect([0, 2].map((i) => left.get(sessions[i]!.id))).toEqual([1, 1]);

    const some = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: sessions.map((s) => s.id),
      bookAvailableOnly: true,
    });
    expect(some.bookings.map((b) => b.session.id)).toEqual([sessions[0]!.id, sessions[2]!.id]);
  });

  it('an offer that expires goes to the next child, with no one signed in', async () => {
    const [session] = await weekly(1, { places: 1 });
    const first = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    const queued = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: [session!.id],
      whenFull: 'WAITLIST',
    });
    await harbour.graphql(
      'mutation($id: ID!) { bookingCancel(input: { bookingId: $id }) { userErrors { message } } }',
      { id: first.bookings[0]!.id },
      demo.parent,
    );
    // The offer's time runs out: the expiry job (due at the expiry) finds it past.
    const bookings = harbour.harbour.services.bookings;
    const { BookingModel } = await import('../../server/src/modules/bookings/booking.model');
    await BookingModel.updateOne(
      { _id: queued.bookings[0]!.id },
      { $set: { offerExpiresAt: new Date(Date.now() - 1000) } },
    );
    await bookings.expireOffer(queued.bookings[0]!.id);
    const { body } = await harbour.graphql<{ booking: { state: string } }>(
      'query($id: ID!) { booking(id: $id) { state } }',
      { id: queued.bookings[0]!.id },
      demo.parent2,
    );
    expect(body.data!.booking.state).toBe('EXPIRED');
    const late = await harbour.graphql<{
      bookingOfferAccept: { userErrors: { message: string }[] };
    }>(
      'mutation($id: ID!) { bookingOfferAccept(input: { bookingId: $id }) { userErrors { message } } }',
      { id: queued.bookings[0]!.id },
      demo.parent2,
    );
    expect(late.body.data!.bookingOfferAccept.userErrors[0]!.message).toBe(
      'This booking is an offer that has expired, so it cannot be confirmed',
    );
  });
});

describe('capacity changes', () => {
  it('refuses fewer places than are booked, with the number booked', async () => {
    const [session] = await weekly(1, { places: 3, staff: 4 });
    await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    await book(harbour, demo.parent, { childId: riley, sessionIds: [session!.id] });
    const { body } = await harbour.graphql<{
      sessionUpdate: { userErrors: { message: string }[]; session: { placesLeft: number } | null };
    }>(
      'mutation($id: ID!) { sessionUpdate(input: { sessionId: $id, places: 1 }) { userErrors { message } session { placesLeft } } }',
      { id: session!.id },
      demo.provider,
    );
    expect(body.data!.sessionUpdate.userErrors[0]!.message).toBe(
      '2 places are booked, so this session cannot have fewer than 2 places',
    );
  });

  it('offers added places to the waiting list', async () => {
    const [session] = await weekly(1, { places: 1 });
    await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    const queued = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: [session!.id],
      whenFull: 'WAITLIST',
    });
    await harbour.graphql(
      'mutation($id: ID!) { sessionUpdate(input: { sessionId: $id, places: 2 }) { userErrors { message } } }',
      { id: session!.id },
      demo.provider,
    );
    const { body } = await harbour.graphql<{ booking: { state: string } }>(
      'query($id: ID!) { booking(id: $id) { state } }',
      { id: queued.bookings[0]!.id },
      demo.parent2,
    );
    expect(body.data!.booking.state).toBe('OFFERED');
  });
});

describe('the register', () => {
  it('shows who is booked with what the family shared, and takes attendance on the day', async () => {
    const created = await createSeries(harbour, demo.provider, listingId, {
      pattern: 'ONE_OFF',
      firstDate: dayFromToday(1),
    });
    expect(created.userErrors).toEqual([]);
    const [session] = created.sessions;
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    expect(booked.userErrors).toEqual([]);
    const early = await harbour.graphql<{
      bookingAttendanceMark: { userErrors: { code: string }[] };
    }>(
      'mutation($id: ID!) { bookingAttendanceMark(input: { bookingId: $id, attendance: ATTENDED }) { userErrors { code } } }',
      { id: booked.bookings[0]!.id },
      demo.provider,
    );
    expect(early.body.data!.bookingAttendanceMark.userErrors).toEqual([{ code: 'TOO_EARLY' }]);
    // The day comes: the session moves to today, whatever the hour this test runs at.
    const startsAt = new Date(Date.now() - 3_600_000);
    await ScheduledSessionModel.updateOne(
      { _id: session!.id },
      {
        $set: { date: dayFromToday(0), startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) },
      },
    );

    const register = await harbour.graphql<{
      sessionRegister: {
        entries: {
          booking: { id: string; child: { firstName: string } };
          child: {
            profile: { whatHelps: string | null; emergencyContacts: unknown[] | null };
          } | null;
        }[];
      };
    }>(
      `query($id: ID!) { sessionRegister(sessionId: $id) { entries { booking { id child { firstName } } child { profile { whatHelps emergencyContacts { name } } } } } }`,
      { id: session!.id },
      demo.provider,
    );
    const [entry] = register.body.data!.sessionRegister.entries;
    expect(entry!.booking.child.firstName).toBe('Sam');
    expect(entry!.child).not.toBeNull();

    const log = await harbour.graphql<{
      childAccessLog: { action: string; reason: string | null }[];
    }>(
      'query($id: ID) { childAccessLog(childId: $id) { action reason } }',
      { id: sam },
      demo.parent,
    );
    expect(log.body.data!.childAccessLog.map((e) => e.reason)).toContain(
      `Register for Harbour Test Club on ${dayFromToday(0)}`,
    );

    const marked = await harbour.graphql<{
      bookingAttendanceMark: { userErrors: unknown[]; booking: { state: string } };
    }>(
      'mutation($id: ID!) { bookingAttendanceMark(input: { bookingId: $id, attendance: ATTENDED }) { userErrors { message } booking { state } } }',
      { id: entry!.booking.id },
      demo.provider,
    );
    expect(marked.body.data!.bookingAttendanceMark).toEqual({
      userErrors: [],
      booking: { state: 'ATTENDED' },
    });
  });

  it('will not take attendance before the day', async () => {
    const [session] = await weekly(1);
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    const { body } = await harbour.graphql<{
      bookingAttendanceMark: { userErrors: { message: string }[] };
    }>(
      'mutation($id: ID!) { bookingAttendanceMark(input: { bookingId: $id, attendance: ABSENT }) { userErrors { message } } }',
      { id: booked.bookings[0]!.id },
      demo.provider,
    );
    expect(body.data!.bookingAttendanceMark.userErrors[0]!.message).toBe(
      'Attendance can be marked from the day of the session',
    );
  });

  it('a session the provider cancels ends every booking and tells every family', async () => {
    const [session] = await weekly(1);
    const booked = await book(harbour, demo.parent2, { childId: alex, sessionIds: [session!.id] });
    await harbour.graphql(
      'mutation($id: ID!) { sessionCancel(input: { sessionId: $id, reason: "Staff illness" }) { userErrors { message } } }',
      { id: session!.id },
      demo.provider,
    );
    const { body } = await harbour.graphql<{ booking: { state: string; cancellation: unknown } }>(
      'query($id: ID!) { booking(id: $id) { state cancellation { kind by } } }',
      { id: booked.bookings[0]!.id },
      demo.parent2,
    );
    expect(body.data!.booking).toEqual({
      state: 'CANCELLED',
      cancellation: { kind: 'EARLY', by: 'PROVIDER' },
    });
    await drainJobs();
    const email = await latestEmail(harbour, 'parent2@demo.harbour.test');
    expect(email.subject).toBe('Cancelled by the provider: Harbour Test Club');
    expect(email.body).toContain('Staff illness');

    const changed = await harbour.graphql<{ sessionUpdate: { userErrors: { code: string }[] } }>(
      'mutation($id: ID!) { sessionUpdate(input: { sessionId: $id, places: 20 }) { userErrors { code } } }',
      { id: session!.id },
      demo.provider,
    );
    expect(changed.body.data!.sessionUpdate.userErrors).toEqual([{ code: 'NOT_ALLOWED' }]);
  });
});

describe('one request, once', () => {
  it('the same request sent 20 times at once with one key makes one booking, named in every reply', async () => {
    const [session] = await weekly(1);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        book(harbour, demo.parent, {
          childId: sam,
          sessionIds: [session!.id],
          idempotencyKey: `key-${session!.id}`,
        }),
      ),
    );
    const ids = new Set(replies.flatMap((r) => r.bookings.map((b) => b.id)));
    expect(ids.size).toBe(1);
    expect(replies.every((r) => r.bookings.length === 1 && r.userErrors.length === 0)).toBe(true);
    const again = await book(harbour, demo.parent, {
      childId: riley,
      sessionIds: [session!.id],
      idempotencyKey: `key-${session!.id}`,
    });
    expect(again.userErrors[0]!.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('an offer expiring while the family accepts it', () => {
  it.each([1, 2, 3, 4, 5])('has exactly one outcome (try %i)', async () => {
    const [session] = await weekly(1, { places: 1, staff: 4 });
    const first = await book(harbour, demo.parent, { childId: sam, sessionIds: [session!.id] });
    const queued = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: [session!.id],
      whenFull: 'WAITLIST',
    });
    await harbour.graphql(
      'mutation($id: ID!) { bookingCancel(input: { bookingId: $id }) { userErrors { message } } }',
      { id: first.bookings[0]!.id },
      demo.parent,
    );
    const offerId = queued.bookings[0]!.id;
    const { BookingModel, BookingTransitionModel, CapacityClaimModel } =
      await import('../../server/src/modules/bookings/booking.model');
    // The offer runs out in 80 ms; acceptances and the expiry job arrive either side of it.
    await BookingModel.updateOne(
      { _id: offerId },
      { $set: { offerExpiresAt: new Date(Date.now() + 80) } },
    );
    const after = <T>(ms: number, act: () => Promise<T>) =>
      new Promise<T>((done) => setTimeout(() => done(act()), ms));
    const accept = () =>
      harbour.graphql(
        'mutation($id: ID!) { bookingOfferAccept(input: { bookingId: $id }) { userErrors { message } booking { state } } }',
        { id: offerId },
        demo.parent2,
      );
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => after(40 + i * 20, accept)),
      ...Array.from({ length: 5 }, (_, i) =>
        after(70 + i * 10, () => harbour.harbour.services.bookings.expireOffer(offerId)),
      ),
    ]);
    const moves = await BookingTransitionModel.find({ booking: offerId, from: 'OFFERED' }).lean();
    expect(moves).toHaveLength(1);
    const booking = await BookingModel.findById(offerId).lean();
    expect(booking!.state).toBe(moves[0]!.to);
    const places = await CapacityClaimModel.countDocuments({ session: session!.id, kind: 'PLACE' });
    expect(places).toBe(booking!.state === 'CONFIRMED' ? 1 : 0);
  });
});
