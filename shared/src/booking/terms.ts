import type { SessionTerms } from './schedule';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type WindowCheck = { open: true } | { open: false; why: string };

/** Whether a session can be booked at `now`: its booking window, in words when it cannot. */
export function bookingWindow(
  session: { startsAt: Date; opensDaysBefore: number; closesHoursBefore: number },
  now: Date,
): WindowCheck {
  const starts = session.startsAt.getTime();
  if (starts <= now.getTime()) return { open: false, why: 'This session has already started' };
  if (now.getTime() < starts - session.opensDaysBefore * DAY) {
    return {
      open: false,
      why: `Booking opens ${session.opensDaysBefore} days before the session`,
    };
  }
  if (now.getTime() > starts - session.closesHoursBefore * HOUR) {
    return {
      open: false,
      why: `Booking closed ${session.closesHoursBefore} hours before the session`,
    };
  }
  return { open: true };
}

/** When a waitlist offer held at `now` must be answered: 24 hours, never past booking closing. */
export function offerExpiry(
  session: { startsAt: Date; closesHoursBefore: number },
  now: Date,
  holdHours = 24,
): Date {
  const closes = session.startsAt.getTime() - session.closesHoursBefore * HOUR;
  return new Date(Math.max(now.getTime(), Math.min(now.getTime() + holdHours * HOUR, closes)));
}

export type CancellationKind = 'EARLY' | 'LATE';

/** What cancelling at `now` counts as, and the words to say before anyone confirms it. */
export function cancellationTerms(
  session: { startsAt: Date; freeCancellationHours: number },
  now: Date,
): { kind: CancellationKind; words: string } {
  const freeUntil = session.startsAt.getTime() - session.freeCancellationHours * HOUR;
  if (now.getTime() <= freeUntil) {
    return { kind: 'EARLY', words: 'Cancelling now is free.' };
  }
  return {
    kind: 'LATE',
    words: `This is less than ${session.freeCancellationHours} hours before the session, so it counts as a late cancellation and the provider may still charge for it.`,
  };
}

/** The cancellation policy as a sentence, for the check-your-answers page. */
export function cancellationPolicyInWords(terms: Pick<SessionTerms, 'freeCancellationHours'>) {
  return terms.freeCancellationHours === 0
    ? 'You can cancel free of charge until the session starts.'
    : `You can cancel free of charge until ${terms.freeCancellationHours} hours before a session; later cancellations count as late and may be charged.`;
}
