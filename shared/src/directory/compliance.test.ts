import { assessCompliance, type Registration } from './compliance';

const today = '2026-11-25';
const ofsted = (overrides: Partial<Registration> = {}): Registration => ({
  regulator: 'OFSTED',
  identifier: 'SC123456',
  registrationType: "Children's home",
  status: 'ACTIVE',
  rating: 'GOOD',
  inspectedOn: '2025-03-10',
  ...overrides,
});
const cqc = (overrides: Partial<Registration> = {}): Registration => ({
  regulator: 'CQC',
  identifier: '1-545611283',
  registrationType: 'Homecare agencies',
  status: 'ACTIVE',
  rating: 'OUTSTANDING',
  inspectedOn: '2024-06-01',
  ...overrides,
});

describe('registration compliance', () => {
  it('flags overnight short breaks for children without Ofsted registration, and tells families plainly', () => {
    const result = assessCompliance(
      { type: 'OVERNIGHT_SHORT_BREAK', minAge: 8, maxAge: 17 },
      [],
      today,
    );
    expect(result.flags.map((f) => f.code)).toEqual(['UNREGISTERED_CHILDRENS_CARE']);
    expect(result.summary).toEqual([
      'Not registered with Ofsted. Care like this for children usually has to be: ask the provider why.',
    ]);
    expect(result.registered).toBe(false);
  });

  it('does not flag an inclusive activity for having no registration', () => {
    const result = assessCompliance(
      { type: 'INCLUSIVE_ACTIVITY', minAge: 5, maxAge: 25 },
      [],
      today,
    );
    expect(result.flags).toEqual([]);
    expect(result.summary).toEqual([
      'Not registered with Ofsted or CQC. This kind of service does not have to be.',
    ]);
  });

  it('treats childcare clubs as needing Ofsted only for children under 8', () => {
    expect(
      assessCompliance({ type: 'AFTER_SCHOOL_CLUB', minAge: 5, maxAge: 11 }, [], today).flags[0]
        ?.code,
    ).toBe('UNREGISTERED_CHILDRENS_CARE');
    expect(
      assessCompliance({ type: 'AFTER_SCHOOL_CLUB', minAge: 8, maxAge: 16 }, [], today).flags,
    ).toEqual([]);
  });

  it('shows the 16–25 gap: personal care past 18 needs CQC as well as Ofsted', () => {
    const gap = assessCompliance(
      { type: 'OVERNIGHT_SHORT_BREAK', minAge: 12, maxAge: 21 },
      [ofsted()],
      today,
    );
    expect(gap.flags.map((f) => f.code)).toEqual(['NO_CQC_PAST_18']);
    expect(gap.continuesPast18).toBe('NO');
    expect(gap.summary).toContain('Not registered with CQC, so personal care may stop at 18.');

    const both = assessCompliance(
      { type: 'OVERNIGHT_SHORT_BREAK', minAge: 12, maxAge: 21 },
      [ofsted(), cqc()],
      today,
    );
    expect(both.flags).toEqual([]);
    expect(both.continuesPast18).toBe('YES');
    expect(both.bestRating).toBe(4);
  });

  it('flags an inspection more than four years old', () => {
    const old = assessCompliance(
      { type: 'DAY_CARE', minAge: 2, maxAge: 10 },
      [ofsted({ inspectedOn: '2022-11-24' })],
      today,
    );
    expect(old.flags.map((f) => f.code)).toEqual(['INSPECTION_OVERDUE']);
    const recent = assessCompliance(
      { type: 'DAY_CARE', minAge: 2, maxAge: 10 },
      [ofsted({ inspectedOn: '2022-11-26' })],
      today,
    );
    expect(recent.flags).toEqual([]);
  });

  it('hides Inadequate and lapsed services from families, with reasons for commissioners', () => {
    const inadequate = assessCompliance(
      { type: 'DAY_CARE', minAge: 2, maxAge: 10 },
      [ofsted({ rating: 'INADEQUATE' })],
      today,
    );
    expect(inadequate.hiddenFromFamilies).toBe(true);
    expect(inadequate.flags).toContainEqual({
      code: 'RATED_INADEQUATE',
      message: 'Rated Inadequate by Ofsted',
    });

    const lapsed = assessCompliance(
      { type: 'INCLUSIVE_ACTIVITY', minAge: 5, maxAge: 18 },
      [ofsted({ status: 'CANCELLED' })],
      today,
    );
    expect(lapsed.hiddenFromFamilies).toBe(true);
    expect(lapsed.flags[0]).toEqual({
      code: 'REGISTRATION_LAPSED',
      message: 'Ofsted registration SC123456 is cancelled',
    });
  });

  it('says when a registration was checked even when no rating is published', () => {
    const result = assessCompliance(
      { type: 'HOME_SUPPORT', minAge: 18, maxAge: 25 },
      [cqc({ rating: null })],
      today,
    );
    expect(result.summary[0]).toBe(
      'Registered with Care Quality Commission (CQC) (1-545611283), last checked in June 2024 (no rating published).',
    );
  });

  it('summarises an active registration with its rating and month', () => {
    const result = assessCompliance({ type: 'DAY_CARE', minAge: 2, maxAge: 10 }, [ofsted()], today);
    expect(result.summary).toEqual([
      'Registered with Ofsted (SC123456), rated Good in March 2025.',
    ]);
    expect(result.hiddenFromFamilies).toBe(false);
    expect(result.bestRating).toBe(3);
  });
});
