import { bookingReference, eligibilityBlockers, sessionMisfits } from './bookings.rules';

const session = { date: '2027-03-06', minAge: 8, maxAge: 16, staff: 2, groupRatio: 4 };
const child = { name: 'Sam', dateOfBirth: '2019-03-07', supportNeeded: 'GROUP' };

describe('whether a child fits a session', () => {
  it('uses the age on the session date, not today', () => {
    expect(sessionMisfits(child, session)).toEqual([
      'Sam will be 7 on 2027-03-06; this session is for ages 8 to 16',
    ]);
    expect(sessionMisfits(child, { ...session, date: '2027-03-07' })).toEqual([]);
  });

  it('refuses a 2:1 child where the session has one member of staff', () => {
    expect(
      sessionMisfits(
        { ...child, dateOfBirth: '2015-01-01', supportNeeded: 'TWO_TO_ONE' },
        { ...session, staff: 1 },
      ),
    ).toEqual(['Sam needs 2:1 support (two members of staff); this session has 1 member of staff']);
  });
});

describe('eligibility that stops a booking', () => {
  const tier = { criterion: 'TIER', outcome: 'NOT_MET', reason: 'r', change: null } as const;
  const age = { criterion: 'AGE', outcome: 'NOT_MET', reason: 'too young', change: null } as const;
  it('lets a family pay for itself where the council tier is not met', () => {
    expect(
      eligibilityBlockers({ outcome: 'NOT_ELIGIBLE', reasons: [tier] }, { funding: ['SELF_PAY'] }),
    ).toEqual([]);
  });
  it('but not where the provider takes council funding only', () => {
    expect(
      eligibilityBlockers({ outcome: 'NOT_ELIGIBLE', reasons: [tier] }, { funding: [] }),
    ).toEqual([tier]);
  });
  it('lets the provider answer questions only it can, such as needs it has not listed', () => {
    const needs = {
      criterion: 'SERVICE_NEEDS',
      outcome: 'NEEDS_ASSESSMENT',
      reason: 'ask',
      change: null,
    } as const;
    expect(
      eligibilityBlockers({ outcome: 'NEEDS_ASSESSMENT', reasons: [needs] }, { funding: [] }),
    ).toEqual([]);
  });
  it('never lets self-pay get round an age limit', () => {
    expect(
      eligibilityBlockers({ outcome: 'NOT_ELIGIBLE', reasons: [age] }, { funding: ['SELF_PAY'] }),
    ).toEqual([age]);
  });
});

describe('booking references', () => {
  it('read well aloud', () => {
    let i = 0;
    expect(bookingReference(() => i++)).toBe('HB-2345-6789');
    expect(bookingReference(() => 0)).toMatch(/^HB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });
});
