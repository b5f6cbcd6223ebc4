/**
 * The booking lifecycle as a table: every state a booking can be in and every move out of
 * it, with who may make it. A move not in the table is refused, whoever asks.
 *
 *   RESERVED ─► CONFIRMED ─► ATTENDED | ABSENT | CANCELLED (early or late)
 *   WAITLISTED ─► OFFERED (held until its expiry) ─► CONFIRMED | DECLINED | EXPIRED
 *                                                 └► RESERVED (accepted; the card part is due)
 *
 * A reservation holds a place while it is funded: each fund's part is held in the ledger
 * and any card part paid; CONFIRMED means the place, and its money, are the child's.
 */
export const BOOKING_STATES = [
  'RESERVED',
  'CONFIRMED',
  'ATTENDED',
  'ABSENT',
  'CANCELLED',
  'WAITLISTED',
  'OFFERED',
  'DECLINED',
  'EXPIRED',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/** Who moves a booking: the family (or the young person), the provider, or Harbour itself. */
export type BookingActor = 'FAMILY' | 'PROVIDER' | 'SYSTEM';

export interface Transition {
  from: BookingState;
  to: BookingState;
  by: readonly BookingActor[];
}

export const BOOKING_TRANSITIONS: readonly Transition[] = [
  { from: 'RESERVED', to: 'CONFIRMED', by: ['SYSTEM'] },
  { from: 'RESERVED', to: 'CANCELLED', by: ['FAMILY', 'SYSTEM'] },
  { from: 'CONFIRMED', to: 'ATTENDED', by: ['PROVIDER'] },
  { from: 'CONFIRMED', to: 'ABSENT', by: ['PROVIDER'] },
  { from: 'CONFIRMED', to: 'CANCELLED', by: ['FAMILY', 'PROVIDER', 'SYSTEM'] },
  // A register marked by mistake can be put right on the day.
  { from: 'ATTENDED', to: 'ABSENT', by: ['PROVIDER'] },
  { from: 'ABSENT', to: 'ATTENDED', by: ['PROVIDER'] },
  { from: 'WAITLISTED', to: 'OFFERED', by: ['SYSTEM'] },
  { from: 'WAITLISTED', to: 'CANCELLED', by: ['FAMILY', 'PROVIDER', 'SYSTEM'] },
  { from: 'OFFERED', to: 'CONFIRMED', by: ['FAMILY'] },
  { from: 'OFFERED', to: 'RESERVED', by: ['FAMILY'] },
  { from: 'OFFERED', to: 'DECLINED', by: ['FAMILY'] },
  { from: 'OFFERED', to: 'EXPIRED', by: ['SYSTEM'] },
  { from: 'OFFERED', to: 'CANCELLED', by: ['PROVIDER', 'SYSTEM'] },
];

/** States that hold a place (and the staff the child needs) at the session. */
export const HOLDS_PLACE: readonly BookingState[] = ['RESERVED', 'CONFIRMED', 'OFFERED'];
/** States a booking never leaves. */
export const FINAL_STATES: readonly BookingState[] = ['CANCELLED', 'DECLINED', 'EXPIRED'];

const STATE_WORDS: Record<BookingState, string> = {
  RESERVED: 'reserved',
  CONFIRMED: 'confirmed',
  ATTENDED: 'marked as attended',
  ABSENT: 'marked as absent',
  CANCELLED: 'cancelled',
  WAITLISTED: 'on the waiting list',
  OFFERED: 'offered a place',
  DECLINED: 'declined',
  EXPIRED: 'an offer that has expired',
};

export function stateInWords(state: BookingState): string {
  return STATE_WORDS[state];
}

export type TransitionCheck = { allowed: true } | { allowed: false; why: string };

/** Whether `by` may move a booking from `from` to `to`, and in words why not. */
export function checkTransition(
  from: BookingState,
  to: BookingState,
  by: BookingActor,
): TransitionCheck {
  const move = BOOKING_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!move) {
    return {
      allowed: false,
      why: `This booking is ${stateInWords(from)}, so it cannot be ${stateInWords(to)}`,
    };
  }
  if (!move.by.includes(by)) {
    const who = { FAMILY: 'the family', PROVIDER: 'the provider', SYSTEM: 'Harbour' }[by];
    return { allowed: false, why: `This change cannot be made by ${who}` };
  }
  return { allowed: true };
}
