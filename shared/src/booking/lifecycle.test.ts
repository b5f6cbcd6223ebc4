import fc from 'fast-check';
import {
  BOOKING_STATES,
  BOOKING_TRANSITIONS,
  checkTransition,
  FINAL_STATES,
  type BookingActor,
} from './lifecycle';

const ACTORS: BookingActor[] = ['FAMILY', 'PROVIDER', 'SYSTEM'];

describe('the booking lifecycle', () => {
  it('confirms a reservation once it is funded, and only Harbour does it', () => {
    expect(checkTransition('RESERVED', 'CONFIRMED', 'SYSTEM')).toEqual({ allowed: true });
    expect(checkTransition('RESERVED', 'CONFIRMED', 'FAMILY')).toEqual({
      allowed: false,
      why: 'This change cannot be made by the family',
    });
  });

  it('lets a family accept or decline an offer, and Harbour expire it', () => {
    expect(checkTransition('OFFERED', 'CONFIRMED', 'FAMILY').allowed).toBe(true);
    expect(checkTransition('OFFERED', 'RESERVED', 'FAMILY').allowed).toBe(true);
    expect(checkTransition('OFFERED', 'DECLINED', 'FAMILY').allowed).toBe(true);
    expect(checkTransition('OFFERED', 'EXPIRED', 'SYSTEM').allowed).toBe(true);
    expect(checkTransition('OFFERED', 'EXPIRED', 'FAMILY').allowed).toBe(false);
  });

  it('refuses to accept an offer that has already expired, in words', () => {
    expect(checkTransition('EXPIRED', 'CONFIRMED', 'FAMILY')).toEqual({
      allowed: false,
      why: 'This booking is an offer that has expired, so it cannot be confirmed',
    });
  });

  it('only the provider marks attendance', () => {
    expect(checkTransition('CONFIRMED', 'ATTENDED', 'PROVIDER').allowed).toBe(true);
    expect(checkTransition('CONFIRMED', 'ATTENDED', 'FAMILY').allowed).toBe(false);
  });

  it('never leaves a final state, whoever asks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FINAL_STATES),
        fc.constantFrom(...BOOKING_STATES),
        fc.constantFrom(...ACTORS),
        (from, to, by) => !checkTransition(from, to, by).allowed,
      ),
    );
  });

  it('lists each move once', () => {
    const moves = BOOKING_TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(moves).size).toBe(moves.length);
  });
});
