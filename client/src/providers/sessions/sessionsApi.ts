import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

/** A session as the provider's calendar and register show it. */
export type ProviderSession = {
  id: string;
  name: string;
  listingId: string;
  date: string;
  when: string;
  status: 'SCHEDULED' | 'CANCELLED';
  cancelledReason: string | null;
  price: Money;
  placesBooked: number;
  placesLeft: number;
  staffNeeded: number;
  waitlistLength: number;
  terms: { places: number; staff: number; groupRatio: number };
};

const sessionFields = /* GraphQL */ `
  id
  name
  listingId
  date
  when
  status
  cancelledReason
  price { amountPence currency }
  placesBooked
  placesLeft
  staffNeeded
  waitlistLength
  terms { places staff groupRatio }
`;

export async function fetchCalendar(input: {
  organisationId: string;
  weekOf: string;
  serviceId: string | null;
}): Promise<ProviderSession[]> {
  const { sessionCalendar } = await graphqlRequest<{ sessionCalendar: ProviderSession[] }>(
    /* GraphQL */ `
      query SessionCalendar($organisationId: ID!, $weekOf: String!, $serviceId: ID) {
        sessionCalendar(organisationId: $organisationId, weekOf: $weekOf, serviceId: $serviceId) {
          ${sessionFields}
        }
      }
    `,
    input,
  );
  return sessionCalendar;
}

export type SeriesInput = {
  listingId: string;
  schedule: {
    pattern: string;
    firstDate: string;
    lastDate: string | null;
    count: number | null;
    startTime: string;
    endTime: string;
    endsNextDay: boolean;
    /** Days the setting is shut: no sessions from `from` to `to`. */
    closures: { from: string; to: string; reason: string }[];
    /** A date the pattern gives, cancelled (no movedTo) or moved. */
    exceptions: {
      date: string;
      movedTo: { date: string; startTime: string; endTime: string } | null;
    }[];
  };
  terms: {
    places: number;
    staff: number;
    groupRatio: number;
    minAge: number;
    maxAge: number;
    opensDaysBefore: number;
    closesHoursBefore: number;
    pricePence: number;
    freeCancellationHours: number;
    chargeAt: 'ATTENDANCE' | 'SESSION_START';
  };
};

export async function createSeries(
  input: SeriesInput,
): Promise<{ userErrors: UserError[]; sessionCount: number }> {
  const { sessionSeriesCreate } = await graphqlRequest<{
    sessionSeriesCreate: { userErrors: UserError[]; sessions: { id: string }[] };
  }>(
    /* GraphQL */ `
      mutation SessionSeriesCreate($input: SessionSeriesCreateInput!) {
        sessionSeriesCreate(input: $input) {
          ${userErrorFields}
          sessions { id }
        }
      }
    `,
    { input },
  );
  return {
    userErrors: sessionSeriesCreate.userErrors,
    sessionCount: sessionSeriesCreate.sessions.length,
  };
}

export type RegisterEntry = {
  booking: {
    id: string;
    reference: string;
    state: string;
    supportNeeded: string;
    child: { firstName: string };
    attendanceMarkedAt: string | null;
  };
  child: {
    profile: {
      whatHelps: string | null;
      communication: string[] | null;
      health: string[] | null;
      healthNotes: string | null;
      emergencyContacts: { name: string; relationship: string; phone: string }[] | null;
    };
  } | null;
};

export type Register = {
  session: ProviderSession;
  entries: RegisterEntry[];
  waitlist: { id: string; reference: string; state: string; child: { firstName: string } }[];
};

export async function fetchRegister(sessionId: string): Promise<Register> {
  const { sessionRegister } = await graphqlRequest<{ sessionRegister: Register }>(
    /* GraphQL */ `
      query SessionRegister($sessionId: ID!) {
        sessionRegister(sessionId: $sessionId) {
          session { ${sessionFields} }
          entries {
            booking { id reference state supportNeeded child { firstName } attendanceMarkedAt }
            child {
              profile { whatHelps communication health healthNotes emergencyContacts { name relationship phone } }
            }
          }
          waitlist { id reference state child { firstName } }
        }
      }
    `,
    { sessionId },
  );
  return sessionRegister;
}

export async function markAttendance(
  bookingId: string,
  attendance: 'ATTENDED' | 'ABSENT' | 'LATE_CANCELLATION',
): Promise<UserError[]> {
  const { bookingAttendanceMark } = await graphqlRequest<{
    bookingAttendanceMark: { userErrors: UserError[] };
  }>(
    /* GraphQL */ `
      mutation BookingAttendanceMark($bookingId: ID!, $attendance: Attendance!) {
        bookingAttendanceMark(input: { bookingId: $bookingId, attendance: $attendance }) {
          ${userErrorFields}
        }
      }
    `,
    { bookingId, attendance },
  );
  return bookingAttendanceMark.userErrors;
}

export async function cancelSession(sessionId: string, reason: string): Promise<UserError[]> {
  const { sessionCancel } = await graphqlRequest<{ sessionCancel: { userErrors: UserError[] } }>(
    /* GraphQL */ `
      mutation SessionCancel($sessionId: ID!, $reason: String) {
        sessionCancel(input: { sessionId: $sessionId, reason: $reason }) {
          ${userErrorFields}
        }
      }
    `,
    { sessionId, reason },
  );
  return sessionCancel.userErrors;
}

export async function changeCapacity(
  sessionId: string,
  places: number,
  staff: number,
): Promise<UserError[]> {
  const { sessionUpdate } = await graphqlRequest<{ sessionUpdate: { userErrors: UserError[] } }>(
    /* GraphQL */ `
      mutation SessionUpdate($input: SessionUpdateInput!) {
        sessionUpdate(input: $input) {
          ${userErrorFields}
        }
      }
    `,
    { input: { sessionId, places, staff } },
  );
  return sessionUpdate.userErrors;
}
