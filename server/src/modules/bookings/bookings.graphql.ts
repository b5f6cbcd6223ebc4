import { sessionWhen } from '@harbour/shared';
import { signedIn, type GraphQLModule, type RequestContext } from '../../graphql/module';
import { bookingCalendarFile } from './booking-calendar';
import type { BookingView } from './bookings.service';
import type { SessionView } from './sessions.service';

type Input = { input: Record<string, unknown> };
const gbp = (amountPence: number) => ({ amountPence, currency: 'GBP' });

/** Per request: each session's view read once, however many bookings name it. */
const sessionLoaders = new WeakMap<object, Map<string, Promise<SessionView | null>>>();
function sessionView(context: RequestContext, id: string): Promise<SessionView | null> {
  const known = sessionLoaders.get(context) ?? new Map<string, Promise<SessionView | null>>();
  sessionLoaders.set(context, known);
  let view = known.get(id);
  if (!view) {
    view = context.services.sessions
      .session(id)
      .then((session) => (session ? context.services.sessions.views([session]) : []))
      .then(([found]) => found ?? null);
    known.set(id, view);
  }
  return view;
}

function whyNotBookable(session: SessionView, now = new Date()): string | null {
  if (session.status === 'CANCELLED') return 'Cancelled by the provider';
  if (session.bookingOpensAt > now) {
    return `Booking opens ${session.terms.opensDaysBefore} days before`;
  }
  if (session.bookingClosesAt <= now) return 'Booking has closed';
  return null;
}

export const bookingsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum SeriesPattern {
      ONE_OFF
      WEEKLY
      FORTNIGHTLY
      HOLIDAY_SCHEME
    }

    "Where a booking is in its lifecycle (shared/src/booking/lifecycle.ts)."
    enum BookingState {
      RESERVED
      CONFIRMED
      ATTENDED
      ABSENT
      CANCELLED
      WAITLISTED
      OFFERED
      DECLINED
      EXPIRED
    }

    "What to do when a session asked for is full."
    enum WhenFull {
      "Book nothing and say which sessions are full."
      REFUSE
      "Put the child on the waiting list of each full session."
      WAITLIST
    }

    enum Attendance {
      ATTENDED
      ABSENT
      LATE_CANCELLATION
    }

    enum BookingTime {
      UPCOMING
      PAST
    }

    input MovedSessionInput {
      date: String!
      startTime: String!
      endTime: String!
    }

    input SeriesExceptionInput {
      "The date the schedule gives (YYYY-MM-DD)."
      date: String!
      "Where it moves to; leave out to cancel that date."
      movedTo: MovedSessionInput
    }

    input ClosureInput {
      from: String!
      to: String!
      reason: String
    }

    "Times are Europe/London wall-clock (HH:MM); dates YYYY-MM-DD."
    input SeriesScheduleInput {
      pattern: SeriesPattern!
      firstDate: String!
      lastDate: String
      count: Int
      startTime: String!
      endTime: String!
      endsNextDay: Boolean
      "A holiday scheme's weekdays: MO TU WE TH FR SA SU (Monday to Friday if left out)."
      days: [String!]
      exceptions: [SeriesExceptionInput!]
      closures: [ClosureInput!]
    }

    input SessionTermsInput {
      places: Int!
      staff: Int!
      "Children one member of staff supports in the group."
      groupRatio: Int!
      minAge: Int!
      maxAge: Int!
      opensDaysBefore: Int!
      closesHoursBefore: Int!
      "Whole pence; a fraction is refused with a userError."
      pricePence: Float!
      freeCancellationHours: Int!
      "When budgets and cards are charged; at attendance unless said."
      chargeAt: ChargeAt
    }

    enum ChargeAt {
      "When the register is marked (present or absent)."
      ATTENDANCE
      "When the session starts."
      SESSION_START
    }

    input SessionSeriesCreateInput {
      "The service at a location (a listing id, serviceId:locationId)."
      listingId: ID!
      schedule: SeriesScheduleInput!
      terms: SessionTermsInput!
    }

    type SessionTerms {
      places: Int!
      staff: Int!
      groupRatio: Int!
      minAge: Int!
      maxAge: Int!
      opensDaysBefore: Int!
      closesHoursBefore: Int!
      price: Money!
      freeCancellationHours: Int!
      chargeAt: ChargeAt!
    }

    type Session {
      id: ID!
      name: String!
      listingId: ID!
      "YYYY-MM-DD in Europe/London."
      date: String!
      startsAt: DateTime!
      endsAt: DateTime!
      "In words, Europe/London: 'Saturday 6 March 2027, 10:00am to 12:00pm'."
      when: String!
      pattern: SeriesPattern!
      "SCHEDULED or CANCELLED."
      status: String!
      cancelledReason: String
      terms: SessionTerms!
      price: Money!
      placesBooked: Int!
      placesLeft: Int!
      "Staff the children booked need, in whole people."
      staffNeeded: Int!
      waitlistLength: Int!
      bookingOpensAt: DateTime!
      bookingClosesAt: DateTime!
      bookable: Boolean!
      notBookableReason: String
      cancellationPolicy: String!
    }

    type SessionSeriesCreatePayload {
      userErrors: [UserError!]!
      seriesId: ID
      sessions: [Session!]!
    }

    input BookingRefundInput {
      bookingId: ID!
      amountPence: Int!
      reason: String
    }

    input SessionUpdateInput {
      sessionId: ID!
      places: Int
      staff: Int
    }

    type SessionUpdatePayload {
      userErrors: [UserError!]!
      session: Session
    }

    input SessionCancelInput {
      sessionId: ID!
      reason: String
    }

    type SessionCancelPayload {
      userErrors: [UserError!]!
      session: Session
    }

    input BookingCreateInput {
      childId: ID!
      "One session, or a whole course or holiday scheme as one request."
      sessionIds: [ID!]!
      whenFull: WhenFull
      "For a block with some sessions full: book the others rather than none."
      bookAvailableOnly: Boolean
      "Profile sections to share with the provider (added to any already shared)."
      shareSections: [ChildProfileSection!]
      "A key of the client's own: sending the same request again with it books once."
      idempotencyKey: String
      "The card payment the parent was shown; if it would now be more, nothing is booked."
      expectedCardPence: Int
    }

    type BookingCreatePayload {
      userErrors: [UserError!]!
      bookings: [Booking!]!
    }

    type BookingQuote {
      childName: String!
      sessions: [Session!]!
      "Sessions that are full now (the child would join their waiting lists)."
      fullSessionIds: [ID!]!
      total: Money!
      cancellationPolicy: String!
      alreadySharedSections: [ChildProfileSection!]!
      "Sections the provider needs for the sessions that are not shared yet."
      sectionsToAsk: [ChildProfileSection!]!
      "How the sessions with places would be paid for: funds in priority, then a card."
      funding: FundingPlan!
      "Why these sessions cannot be booked as things stand (the funds fall short), or null."
      fundingProblem: String
    }

    type BookingQuotePayload {
      userErrors: [UserError!]!
      quote: BookingQuote
    }

    type BookingChild {
      id: ID!
      firstName: String!
    }

    type BookingCancellation {
      "EARLY (within the free cancellation period) or LATE."
      kind: String!
      "FAMILY, PROVIDER or SYSTEM."
      by: String!
    }

    type CancellationTerms {
      kind: String!
      words: String!
    }

    type BookingTransition {
      from: BookingState
      to: BookingState!
      "FAMILY, PROVIDER or SYSTEM."
      by: String!
      at: DateTime!
      reason: String!
    }

    type Booking {
      id: ID!
      "What a family quotes to the provider, like HB-7K3M-Q2XZ."
      reference: String!
      state: BookingState!
      child: BookingChild!
      session: Session
      supportNeeded: SupportNeeded!
      price: Money!
      "NOT_NEEDED, AWAITING_FUNDING, AWAITING_CARD, HELD, CAPTURED, RELEASED or PAY_PROVIDER."
      funding: String!
      "What pays for it: each fund's part, and the card's."
      fundingParts: [FundingPart!]!
      "The card payment due or made for this booking, if any."
      cardPayment: CardPayment
      "WAITLISTED: the place in the queue, 1 being next; null otherwise."
      waitlistPosition: Int
      offerExpiresAt: DateTime
      cancellation: BookingCancellation
      "What cancelling now would mean, to say before the family confirms it."
      cancellationTerms: CancellationTerms!
      attendanceMarkedAt: DateTime
      history: [BookingTransition!]!
      "The session as an iCalendar file (text/calendar)."
      calendarFile: String
    }

    type BookingPageInfo {
      hasNextPage: Boolean!
      endCursor: String
    }

    type BookingConnection {
      nodes: [Booking!]!
      pageInfo: BookingPageInfo!
    }

    input BookingIdInput {
      bookingId: ID!
      reason: String
    }

    type BookingPayload {
      userErrors: [UserError!]!
      booking: Booking
    }

    input BookingAttendanceMarkInput {
      bookingId: ID!
      attendance: Attendance!
    }

    type RegisterEntry {
      booking: Booking!
      "The child's record as the family shares it with the provider; null without consent."
      child: Child
    }

    type SessionRegister {
      session: Session!
      entries: [RegisterEntry!]!
      waitlist: [Booking!]!
    }

    extend type Query {
      "A provider's sessions in the week holding weekOf (YYYY-MM-DD), with fill levels."
      sessionCalendar(organisationId: ID!, weekOf: String!, serviceId: ID): [Session!]!
      "The upcoming sessions of a service at a location, with places left."
      listingSessions(listingId: ID!): [Session!]!
      "The check-your-answers page: what booking these sessions would mean. Changes nothing."
      bookingQuote(input: BookingCreateInput!): BookingQuotePayload!
      familyBookings(when: BookingTime!, first: Int, after: String): BookingConnection!
      booking(id: ID!): Booking
      sessionRegister(sessionId: ID!): SessionRegister!
    }

    extend type Mutation {
      sessionSeriesCreate(input: SessionSeriesCreateInput!): SessionSeriesCreatePayload!
      "Changes places or staff; never below what is booked."
      sessionUpdate(input: SessionUpdateInput!): SessionUpdatePayload!
      "Cancels a session: every booking ends and every family is told."
      sessionCancel(input: SessionCancelInput!): SessionCancelPayload!
      bookingCreate(input: BookingCreateInput!): BookingCreatePayload!
      bookingCancel(input: BookingIdInput!): BookingPayload!
      bookingOfferAccept(input: BookingIdInput!): BookingPayload!
      bookingOfferDecline(input: BookingIdInput!): BookingPayload!
      bookingAttendanceMark(input: BookingAttendanceMarkInput!): BookingPayload!
      "The provider gives back money it was paid for a booking: to the card first, then the funds."
      bookingRefund(input: BookingRefundInput!): BookingPayload!
    }
  `,
  resolvers: {
    Session: {
      when: (session: SessionView) => sessionWhen(session.startsAt, session.endsAt),
      price: (session: SessionView) => gbp(session.terms.pricePence),
      bookable: (session: SessionView) => whyNotBookable(session) === null,
      notBookableReason: (session: SessionView) => whyNotBookable(session),
    },
    SessionTerms: {
      price: (terms: { pricePence: number }) => gbp(terms.pricePence),
    },
    BookingQuote: {
      total: (quote: { totalPence: number }) => gbp(quote.totalPence),
    },
    Booking: {
      child: (booking: BookingView) => ({ id: booking.childId, firstName: booking.childName }),
      session: (booking: BookingView, _args, context: RequestContext) =>
        sessionView(context, booking.sessionId),
      price: (booking: BookingView) => gbp(booking.pricePence),
      cardPayment: (booking: BookingView, _args, context: RequestContext) =>
        booking.fundingParts.some((part) => part.source === 'CARD')
          ? context.services.payments.paymentOfBooking(booking.id)
          : null,
      cancellationTerms: (booking: BookingView, _args, context: RequestContext) =>
        context.services.bookings.cancellationQuote(booking),
      waitlistPosition: (booking: BookingView, _args, context: RequestContext) =>
        context.services.bookings.waitlistPosition(booking),
      history: (booking: BookingView, _args, context: RequestContext) =>
        context.services.bookings.history(booking.id),
      calendarFile: async (booking: BookingView, _args, context: RequestContext) => {
        const session = await sessionView(context, booking.sessionId);
        const listing = await context.services.directory.listingById(booking.listingId);
        if (!session) return null;
        return bookingCalendarFile({
          reference: booking.reference,
          childName: booking.childName,
          serviceName: session.name,
          place: listing
            ? [listing.locationName, listing.addressLine, listing.town, listing.postcode]
                .filter(Boolean)
                .join(', ')
            : '',
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          link: `${context.services.publicUrl}/families/bookings`,
        });
      },
    },
    Query: {
      sessionCalendar: (
        _parent,
        args: { organisationId: string; weekOf: string; serviceId?: string | null },
        context,
      ) => context.services.sessions.calendar(signedIn(context), args),
      listingSessions: (_parent, args: { listingId: string }, { services }) =>
        services.sessions.upcomingForListing(args.listingId),
      bookingQuote: (_parent, { input }: Input, context) =>
        context.services.bookings.quote(signedIn(context), input),
      familyBookings: (
        _parent,
        args: { when: 'UPCOMING' | 'PAST'; first?: number | null; after?: string | null },
        context,
      ) => context.services.bookings.familyBookings(signedIn(context), args.when, args),
      booking: (_parent, args: { id: string }, context) =>
        context.services.bookings.booking(signedIn(context), args.id),
      sessionRegister: (_parent, args: { sessionId: string }, context) =>
        context.services.bookings.register(signedIn(context), args.sessionId),
    },
    Mutation: {
      sessionSeriesCreate: (_parent, { input }: Input, context) =>
        context.services.sessions.createSeries(signedIn(context), input),
      sessionUpdate: (_parent, { input }: Input, context) =>
        context.services.bookings.updateSession(signedIn(context), input),
      sessionCancel: (_parent, { input }: Input, context) =>
        context.services.bookings.cancelSession(signedIn(context), input),
      bookingCreate: (_parent, { input }: Input, context) =>
        context.services.bookings.book(signedIn(context), input),
      bookingCancel: (_parent, { input }: Input, context) =>
        context.services.bookings.cancel(signedIn(context), input),
      bookingOfferAccept: (_parent, { input }: Input, context) =>
        context.services.bookings.offerAccept(signedIn(context), input),
      bookingOfferDecline: (_parent, { input }: Input, context) =>
        context.services.bookings.offerDecline(signedIn(context), input),
      bookingAttendanceMark: (_parent, { input }: Input, context) =>
        context.services.bookings.markAttendance(signedIn(context), input),
      bookingRefund: (_parent, { input }: Input, context) =>
        context.services.bookings.refund(signedIn(context), input),
    },
  },
};
