import { supportUnitsFor, staffNeeded, supportUnitsOf } from './capacity';
import { sessionWhen } from './when';
import { bookingWindow, cancellationTerms, offerExpiry } from './terms';

const HOUR = 3_600_000;
const startsAt = new Date('2027-03-01T16:00:00Z');
const session = { startsAt, opensDaysBefore: 28, closesHoursBefore: 24, freeCancellationHours: 48 };

describe('booking window', () => {
  it('is open between opening and closing', () => {
    expect(bookingWindow(session, new Date(startsAt.getTime() - 72 * HOUR))).toEqual({
      open: true,
    });
  });
  it('is not open yet more than N days before', () => {
    expect(bookingWindow(session, new Date('2027-01-01T00:00:00Z'))).toEqual({
      open: false,
      why: 'Booking opens 28 days before the session',
    });
  });
  it('has closed N hours before', () => {
    expect(bookingWindow(session, new Date(startsAt.getTime() - 2 * HOUR))).toEqual({
      open: false,
      why: 'Booking closed 24 hours before the session',
    });
  });
  it('refuses a session that has started', () => {
    expect(bookingWindow(session, startsAt).open).toBe(false);
  });
});

describe('waitlist offers', () => {
  it('hold for 24 hours', () => {
    const now = new Date(startsAt.getTime() - 10 * 24 * HOUR);
    expect(offerExpiry(session, now).getTime()).toBe(now.getTime() + 24 * HOUR);
  });
  it('never past the close of booking', () => {
    const now = new Date(startsAt.getTime() - 30 * HOUR);
    expect(offerExpiry(session, now).getTime()).toBe(startsAt.getTime() - 24 * HOUR);
  });
});

describe('cancellation', () => {
  it('is free until the policy says', () => {
    expect(cancellationTerms(session, new Date(startsAt.getTime() - 49 * HOUR)).kind).toBe('EARLY');
  });
  it('is late after that, and says so', () => {
    expect(cancellationTerms(session, new Date(startsAt.getTime() - 47 * HOUR))).toEqual({
      kind: 'LATE',
      words:
        'This is less than 48 hours before the session, so it counts as a late cancellation and the provider may still charge for it.',
    });
  });
});

describe('staff capacity', () => {
  it('gives a 1:1 child a member of staff and a 2:1 child two', () => {
    expect(supportUnitsFor('GROUP', 4)).toBe(1);
    expect(supportUnitsFor('ONE_TO_ONE', 4)).toBe(4);
    expect(supportUnitsFor('TWO_TO_ONE', 4)).toBe(8);
  });
  it('counts staff needed in whole people', () => {
    expect(supportUnitsOf({ staff: 3, groupRatio: 4 })).toBe(12);
    // five in the group (two staff) and one 1:1 child: three staff
    expect(staffNeeded(5 + 4, 4)).toBe(3);
  });
});

describe('session times in words', () => {
  it('are in Europe/London, in GOV.UK style', () => {
    expect(sessionWhen(new Date('2027-07-03T09:00:00Z'), new Date('2027-07-03T11:30:00Z'))).toBe(
      'Saturday 3 July 2027, 10:00am to 12:30pm',
    );
  });
  it('name both days for an overnight break', () => {
    expect(sessionWhen(new Date('2027-01-08T17:00:00Z'), new Date('2027-01-09T10:00:00Z'))).toBe(
      'Friday 8 January 2027, 5:00pm to Saturday 9 January 2027, 10:00am',
    );
  });
});
