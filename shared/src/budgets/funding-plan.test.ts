import fc from 'fast-check';
import { fundingPlan, type FundForPlan, type SessionToFund } from './funding-plan';

const anyService = { serviceTypes: [], maxPencePerHour: null, maxPencePerSession: null };
const session = (overrides: Partial<SessionToFund> = {}): SessionToFund => ({
  sessionId: 's1',
  pricePence: 6000,
  minutes: 120,
  serviceId: 'club',
  serviceType: 'AFTER_SCHOOL_CLUB',
  acceptedFunding: ['PERSONAL_BUDGET', 'PERSONAL_HEALTH_BUDGET', 'POOLED_FUND', 'SELF_PAY'],
  ...overrides,
});
const context = { childName: 'Sam', childTier: 'TARGETED' };
const budget: FundForPlan = {
  id: 'pb',
  kind: 'PERSONAL_BUDGET',
  name: 'Sam’s personal budget',
  availablePence: 2000,
  rules: anyService,
};
const pool: FundForPlan = {
  id: 'pool',
  kind: 'POOLED_FUND',
  name: 'Short breaks pooled fund',
  availablePence: 1_000_000,
  childAllowancePence: 2500,
  tiers: ['TARGETED', 'SPECIALIST'],
  rules: anyService,
};

describe('a funding plan', () => {
  it('draws on the pool up to the child’s cap, then the budget, then a card for the rest', () => {
    const plan = fundingPlan([session()], [budget, pool], context);
    expect(plan.totals).toEqual([
      {
        source: 'POOLED_FUND',
        fundId: 'pool',
        name: 'Short breaks pooled fund',
        amountPence: 2500,
      },
      { source: 'PERSONAL_BUDGET', fundId: 'pb', name: 'Sam’s personal budget', amountPence: 2000 },
      { source: 'CARD', fundId: null, name: 'Card payment', amountPence: 1500 },
    ]);
    expect(plan.shortfallPence).toBe(0);
  });

  it('says how much nothing can pay when the service takes no cards', () => {
    const plan = fundingPlan(
      [session({ acceptedFunding: ['PERSONAL_BUDGET'] })],
      [budget],
      context,
    );
    expect(plan.cardPence).toBe(0);
    expect(plan.shortfallPence).toBe(4000);
  });

  it('uses up a fund across a block, session by session', () => {
    const plan = fundingPlan(
      [
        session({ sessionId: 'a', pricePence: 1500 }),
        session({ sessionId: 'b', pricePence: 1500 }),
      ],
      [budget],
      context,
    );
    expect(plan.sessions.map((s) => s.parts.map((p) => [p.source, p.amountPence]))).toEqual([
      [['PERSONAL_BUDGET', 1500]],
      [
        ['PERSONAL_BUDGET', 500],
        ['CARD', 1000],
      ],
    ]);
  });

  it('skips a fund the provider does not take, saying so', () => {
    const plan = fundingPlan([session({ acceptedFunding: ['SELF_PAY'] })], [budget], context);
    expect(plan.cardPence).toBe(6000);
    expect(plan.notes[0]?.reason).toBe(
      'This provider does not take payment from Sam’s personal budget',
    );
  });

  it('skips a fund for a service type, a rate or a tier it may not pay for, saying why', () => {
    const health: FundForPlan = {
      id: 'phb',
      kind: 'PERSONAL_HEALTH_BUDGET',
      name: 'Sam’s personal health budget',
      availablePence: 50_000,
      rules: {
        serviceTypes: ['OVERNIGHT_SHORT_BREAK'],
        maxPencePerHour: null,
        maxPencePerSession: null,
      },
    };
    const capped: FundForPlan = {
      ...budget,
      rules: { serviceTypes: [], maxPencePerHour: 2000, maxPencePerSession: null },
    };
    const plan = fundingPlan([session()], [health, capped, pool], {
      ...context,
      childTier: 'UNIVERSAL',
    });
    expect(plan.totals).toEqual([
      { source: 'CARD', fundId: null, name: 'Card payment', amountPence: 6000 },
    ]);
    expect(plan.notes.map((n) => n.reason)).toEqual([
      'Short breaks pooled fund is for children eligible for more specialist short breaks than Sam',
      'Sam’s personal health budget does not pay for this kind of service',
      'Sam’s personal budget pays up to £20.00 an hour, and this costs £30.00 an hour',
    ]);
  });

  const fundArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    kind: fc.constantFrom(
      'POOLED_FUND' as const,
      'FAMILY_POOL' as const,
      'PERSONAL_HEALTH_BUDGET' as const,
      'PERSONAL_BUDGET' as const,
    ),
    name: fc.constant('A fund'),
    availablePence: fc.integer({ min: 0, max: 20_000 }),
    childAllowancePence: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    rules: fc.record({
      serviceTypes: fc.constantFrom([], ['AFTER_SCHOOL_CLUB'], ['HOLIDAY_SCHEME']),
      maxPencePerHour: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      maxPencePerSession: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    }),
  });

  it('never spends more than a fund has, and pays every session exactly (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fundArb, { selector: (f) => f.id, maxLength: 4 }),
        fc.array(
          fc.record({
            sessionId: fc.uuid(),
            pricePence: fc.integer({ min: 0, max: 15_000 }),
            minutes: fc.integer({ min: 30, max: 600 }),
            serviceId: fc.constant('club'),
            serviceType: fc.constantFrom('AFTER_SCHOOL_CLUB', 'HOLIDAY_SCHEME'),
            acceptedFunding: fc.subarray(['PERSONAL_BUDGET', 'POOLED_FUND', 'SELF_PAY']),
          }),
          { maxLength: 6 },
        ),
        (funds, sessions) => {
          const plan = fundingPlan(sessions, funds, context);
          for (const [i, s] of plan.sessions.entries()) {
            const paid = s.parts.reduce((sum, p) => sum + p.amountPence, 0);
            expect(paid + s.shortfallPence).toBe(sessions[i]!.pricePence);
            expect(s.parts.every((p) => Number.isInteger(p.amountPence) && p.amountPence > 0)).toBe(
              true,
            );
          }
          for (const fund of funds) {
            const used = plan.totals.find((t) => t.fundId === fund.id)?.amountPence ?? 0;
            expect(used).toBeLessThanOrEqual(
              Math.min(fund.availablePence, fund.childAllowancePence ?? Infinity),
            );
          }
          for (const [i, s] of plan.sessions.entries()) {
            if (sessions[i]!.acceptedFunding.includes('SELF_PAY')) expect(s.shortfallPence).toBe(0);
          }
        },
      ),
    );
  });
});
