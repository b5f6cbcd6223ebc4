import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

export type BookableSession = {
  id: string;
  name: string;
  date: string;
  when: string;
  price: Money;
  placesLeft: number;
  waitlistLength: number;
  bookable: boolean;
  notBookableReason: string | null;
  cancellationPolicy: string;
};

const sessionFields = /* GraphQL */ `
  id
  name
  date
  when
  price { amountPence currency }
  placesLeft
  waitlistLength
  bookable
  notBookableReason
  cancellationPolicy
`;

export async function fetchListingSessions(listingId: string): Promise<BookableSession[]> {
  const { listingSessions } = await graphqlRequest<{ listingSessions: BookableSession[] }>(
    /* GraphQL */ `
      query ListingSessions($listingId: ID!) {
        listingSessions(listingId: $listingId) { ${sessionFields} }
      }
    `,
    { listingId },
  );
  return listingSessions;
}

export type BookingRequest = {
  childId: string;
  sessionIds: string[];
  whenFull?: 'REFUSE' | 'WAITLIST';
  bookAvailableOnly?: boolean;
  shareSections?: string[];
  idempotencyKey?: string;
  /** The card payment the family was shown: if it would now be more, nothing is booked. */
  expectedCardPence?: number;
};

/** A part of a booking's cost and what pays it: a fund, or the card. */
export type FundingPart = { source: string; name: string; amount: Money };

/** How a booking would be paid: funds in priority order, then a card for the rest. */
export type FundingPlan = {
  parts: FundingPart[];
  card: Money;
  /** Why a fund the child has pays nothing. */
  notes: { fundId: string; name: string; reason: string }[];
};

/** The card payment due or made for a booking; one payment can pay for a block of sessions. */
export type CardPayment = { id: string; state: string; amount: Money };

export type Quote = {
  childName: string;
  sessions: BookableSession[];
  fullSessionIds: string[];
  total: Money;
  cancellationPolicy: string;
  alreadySharedSections: string[];
  sectionsToAsk: string[];
  funding: FundingPlan;
  /** Why these sessions cannot be booked as things stand (the funds fall short), or null. */
  fundingProblem: string | null;
};

export async function fetchQuote(
  input: BookingRequest,
): Promise<{ userErrors: UserError[]; quote: Quote | null }> {
  const { bookingQuote } = await graphqlRequest<{
    bookingQuote: { userErrors: UserError[]; quote: Quote | null };
  }>(
    /* GraphQL */ `
      query BookingQuote($input: BookingCreateInput!) {
        bookingQuote(input: $input) {
          ${userErrorFields}
          quote {
            childName
            sessions { ${sessionFields} }
            fullSessionIds
            total { amountPence currency }
            cancellationPolicy
            alreadySharedSections
            sectionsToAsk
            funding {
              parts { source name amount { amountPence currency } }
              card { amountPence currency }
              notes { fundId name reason }
            }
            fundingProblem
          }
        }
      }
    `,
    { input },
  );
  return bookingQuote;
}

export type Booking = {
  id: string;
  reference: string;
  state: string;
  child: { id: string; firstName: string };
  session: { id: string; name: string; when: string } | null;
  price: Money;
  /** NOT_NEEDED, AWAITING_FUNDING, AWAITING_CARD, HELD, CAPTURED, RELEASED or PAY_PROVIDER. */
  funding: string;
  fundingParts: FundingPart[];
  cardPayment: CardPayment | null;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  cancellation: { kind: string; by: string } | null;
};

/** One booking, with what cancelling it now would mean. */
export type BookingDetail = Booking & { cancellationTerms: { kind: string; words: string } };

const bookingFields = /* GraphQL */ `
  id
  reference
  state
  child { id firstName }
  session { id name when }
  price { amountPence currency }
  funding
  fundingParts { source name amount { amountPence currency } }
  cardPayment { id state amount { amountPence currency } }
  waitlistPosition
  offerExpiresAt
  cancellation { kind by }
`;

export async function createBooking(
  input: BookingRequest,
): Promise<{ userErrors: UserError[]; bookings: Booking[] }> {
  const { bookingCreate } = await graphqlRequest<{
    bookingCreate: { userErrors: UserError[]; bookings: Booking[] };
  }>(
    /* GraphQL */ `
      mutation BookingCreate($input: BookingCreateInput!) {
        bookingCreate(input: $input) {
          ${userErrorFields}
          bookings { ${bookingFields} }
        }
      }
    `,
    { input },
  );
  return bookingCreate;
}

type BookingPage = {
  nodes: Booking[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/**
 * All the family's upcoming or past bookings. They come 25 at a time: the API's cost limit
 * counts every field of every booking a page can hold.
 */
export async function fetchBookings(when: 'UPCOMING' | 'PAST'): Promise<Booking[]> {
  const bookings: Booking[] = [];
  let after: string | null = null;
  do {
    const { familyBookings }: { familyBookings: BookingPage } = await graphqlRequest(
      /* GraphQL */ `
        query FamilyBookings($when: BookingTime!, $after: String) {
          familyBookings(when: $when, first: 25, after: $after) {
            nodes { ${bookingFields} }
            pageInfo { hasNextPage endCursor }
          }
        }
      `,
      { when, after },
    );
    bookings.push(...familyBookings.nodes);
    after = familyBookings.pageInfo.hasNextPage ? familyBookings.pageInfo.endCursor : null;
  } while (after);
  return bookings;
}

export async function fetchBooking(id: string): Promise<BookingDetail> {
  const { booking } = await graphqlRequest<{ booking: BookingDetail }>(
    /* GraphQL */ `
      query Booking($id: ID!) { booking(id: $id) { ${bookingFields} cancellationTerms { kind words } } }
    `,
    { id },
  );
  return booking;
}

export async function fetchCalendarFile(id: string): Promise<string | null> {
  const { booking } = await graphqlRequest<{ booking: { calendarFile: string | null } }>(
    /* GraphQL */ `
      query BookingCalendarFile($id: ID!) {
        booking(id: $id) {
          calendarFile
        }
      }
    `,
    { id },
  );
  return booking.calendarFile;
}

type BookingAction = 'bookingCancel' | 'bookingOfferAccept' | 'bookingOfferDecline';

/** Cancelling, or answering a waiting-list offer: one booking, one action. */
export async function actOnBooking(action: BookingAction, bookingId: string): Promise<UserError[]> {
  const data = await graphqlRequest<Record<BookingAction, { userErrors: UserError[] }>>(
    /* GraphQL */ `
      mutation BookingAction($bookingId: ID!) {
        ${action}(input: { bookingId: $bookingId }) { ${userErrorFields} }
      }
    `,
    { bookingId },
  );
  return data[action].userErrors;
}
