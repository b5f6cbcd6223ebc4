import fc from 'fast-check';
import { DISTRICT_NAMES } from '../vocabularies/devon-places';
import { NEED_CODES } from '../vocabularies/needs';
import { DEVON_LIKE_STATEMENT } from './devon-statement';
import { childFacts } from './facts.testing';
import {
  decideChild,
  decideService,
  decideTier,
  type EligibilityFacts,
  type ServiceEligibilityFacts,
} from './evaluate';
import {
  SERVICE_CHECKS,
  type Criterion,
  type RuleSet,
  type ServiceCheck,
  type Tier,
} from './rule-set';

const today = '2026-11-25';

const child = childFacts;

const service = (overrides: Partial<ServiceEligibilityFacts> = {}): ServiceEligibilityFacts => ({
  type: 'INCLUSIVE_ACTIVITY',
  minAge: 5,
  maxAge: 17,
  needs: [],
  ratios: ['GROUP'],
  skills: [],
  features: [],
  compliance: { hiddenFromFamilies: false, continuesPast18: 'NOT_APPLICABLE', flags: [] },
  ...overrides,
});

const outcomes = (facts: EligibilityFacts) =>
  Object.fromEntries(
    decideChild(DEVON_LIKE_STATEMENT, facts, today).tiers.map((t) => [t.code, t.outcome]),
  );

const tierOf = (facts: EligibilityFacts, code: string) =>
  decideChild(DEVON_LIKE_STATEMENT, facts, today).tiers.find((t) => t.code === code)!;

describe('a Devon-like short breaks statement', () => {
  it.each([
    [
      'an autistic 7-year-old in Exeter with no assessment',
      child(),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'ELIGIBLE',
        TARGETED: 'NEEDS_ASSESSMENT',
        SPECIALIST: 'NOT_ELIGIBLE',
      },
    ],
    [
      'a child assessed at Targeted support',
      child({ socialCareAssessment: 'ASSESSED', assessedTier: 'TARGETED' }),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'ELIGIBLE',
        TARGETED: 'ELIGIBLE',
        SPECIALIST: 'NOT_ELIGIBLE',
      },
    ],
    [
      'a child with profound needs, an EHC plan and a Specialist assessment',
      child({
        needs: ['PROFOUND_MULTIPLE_LEARNING_DIFFICULTY'],
        ehcPlan: 'YES',
        socialCareAssessment: 'ASSESSED',
        assessedTier: 'SPECIALIST',
      }),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'ELIGIBLE',
        TARGETED: 'ELIGIBLE',
        SPECIALIST: 'ELIGIBLE',
      },
    ],
    [
      'a child whose EHC plan is being assessed, with a Specialist assessment',
      child({
        ehcPlan: 'BEING_ASSESSED',
        socialCareAssessment: 'ASSESSED',
        assessedTier: 'SPECIALIST',
      }),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'ELIGIBLE',
        TARGETED: 'ELIGIBLE',
        SPECIALIST: 'NEEDS_ASSESSMENT',
      },
    ],
    [
      'a 19-year-old',
      child({ dateOfBirth: '2007-01-01' }),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'NOT_ELIGIBLE',
        TARGETED: 'NOT_ELIGIBLE',
        SPECIALIST: 'NOT_ELIGIBLE',
      },
    ],
    [
      'a child living in Plymouth',
      child({ homePostcode: 'PL1', district: 'Plymouth' }),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'NOT_ELIGIBLE',
        TARGETED: 'NOT_ELIGIBLE',
        SPECIALIST: 'NOT_ELIGIBLE',
      },
    ],
    [
      'a child with no needs recorded who is waiting for a diagnosis',
      child({ needs: [], diagnosis: 'AWAITING' }),
      {
        UNIVERSAL: 'ELIGIBLE',
        UNIVERSAL_PLUS: 'NEEDS_ASSESSMENT',
        TARGETED: 'NEEDS_ASSESSMENT',
        SPECIALIST: 'NOT_ELIGIBLE',
      },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(outcomes(facts)).toEqual(expected);
  });

  it('names the most specialist tier the child is eligible for', () => {
    expect(decideChild(DEVON_LIKE_STATEMENT, child(), today).bestTier).toBe('UNIVERSAL_PLUS');
    const adult = decideChild(DEVON_LIKE_STATEMENT, child({ dateOfBirth: '2007-01-01' }), today);
    expect(adult.bestTier).toBe('UNIVERSAL');
  });

  it('explains each criterion in plain English, with what would change it', () => {
    const targeted = tierOf(child(), 'TARGETED');
    expect(targeted.reasons).toEqual([
      {
        criterion: 'age',
        outcome: 'MET',
        reason: 'Open to children aged 0–17: Sam is 7',
        change: null,
      },
      {
        criterion: 'needs',
        outcome: 'MET',
        reason: 'For children with special educational needs or disabilities: Sam has autism',
        change: null,
      },
      {
        criterion: 'district',
        outcome: 'MET',
        reason:
          'For families living in East Devon, Exeter, Mid Devon, North Devon, South Hams, Teignbridge, Torridge or West Devon: Sam lives in Exeter',
        change: null,
      },
      {
        criterion: 'assessedTier',
        outcome: 'NEEDS_ASSESSMENT',
        reason:
          'For children a social care assessment placed at Targeted support or Specialist support: Sam has not had a social care assessment',
        change: 'Ask Devon’s children’s social care for a short breaks assessment',
      },
    ]);
  });

  it('tells a young adult where to go next', () => {
    const reasons = tierOf(child({ dateOfBirth: '2007-01-01' }), 'UNIVERSAL_PLUS').reasons;
    expect(reasons[0]).toEqual({
      criterion: 'age',
      outcome: 'NOT_MET',
      reason: 'Open to children aged 0–17: Sam is 19',
      change: expect.stringContaining('Care Act assessment'),
    });
  });

  it('asks for an assessment rather than refusing when a diagnosis is awaited', () => {
    const specialist = tierOf(child({ needs: [], diagnosis: 'AWAITING' }), 'UNIVERSAL_PLUS');
    expect(specialist.reasons[1]).toMatchObject({
      outcome: 'NEEDS_ASSESSMENT',
      change: 'Ask the team: they can look at Sam’s needs before a diagnosis',
    });
  });

  it('says where an assessment placed the child when it is below the tier', () => {
    const specialist = tierOf(
      child({
        needs: ['AUTISM'],
        ehcPlan: 'YES',
        socialCareAssessment: 'ASSESSED',
        assessedTier: 'TARGETED',
      }),
      'SPECIALIST',
    );
    expect(specialist.reasons.find((r) => r.criterion === 'assessedTier')).toMatchObject({
      outcome: 'NOT_MET',
      reason:
        'For children a social care assessment placed at Specialist support: Sam was assessed at Targeted support',
    });
  });
});

describe('a child against a service', () => {
  const sam = child();
  const decision = decideChild(DEVON_LIKE_STATEMENT, sam, today);
  const decide = (s: ServiceEligibilityFacts, facts = sam) =>
    decideService(
      DEVON_LIKE_STATEMENT,
      decideChild(DEVON_LIKE_STATEMENT, facts, today),
      facts,
      s,
      today,
    );

  it('says when a child is too young, and from when they can join', () => {
    const result = decide(service({ minAge: 8 }));
    expect(result.outcome).toBe('NOT_ELIGIBLE');
    expect(result.reasons[0]).toEqual({
      criterion: 'SERVICE_AGE',
      outcome: 'NOT_MET',
      reason: 'Open to children aged 8–17: Sam is 7',
      change: 'From 14 May 2027, when Sam turns 8',
    });
  });

  it('refuses a service that cannot meet the support ratio the child needs', () => {
    const result = decide(service(), child({ supportNeeded: 'ONE_TO_ONE' }));
    expect(result.outcome).toBe('NOT_ELIGIBLE');
    expect(result.reasons.find((r) => r.criterion === 'SUPPORT_RATIO')).toEqual({
      criterion: 'SUPPORT_RATIO',
      outcome: 'NOT_MET',
      reason: 'Offers group support only: Sam needs 1:1 support',
      change: 'Ask the provider whether they can arrange 1:1 support',
    });
    expect(
      decide(service({ ratios: ['GROUP', 'TWO_TO_ONE'] }), child({ supportNeeded: 'ONE_TO_ONE' }))
        .outcome,
    ).toBe('ELIGIBLE');
  });

  it('checks staff are trained for the child’s health and communication needs', () => {
    const facts = child({ health: ['EPILEPSY_RESCUE_MEDICATION'], communication: ['MAKATON'] });
    const untrained = decide(service({ skills: ['MAKATON'] }), facts);
    expect(untrained.reasons.find((r) => r.criterion === 'STAFF_SKILLS')?.reason).toBe(
      'Staff are not trained in epilepsy rescue medication, which Sam needs',
    );
    expect(
      decide(service({ skills: ['MAKATON', 'EPILEPSY_RESCUE_MEDICATION'] }), facts).outcome,
    ).toBe('ELIGIBLE');
  });

  it('sends a family to the provider when it lists other needs than the child’s', () => {
    const result = decide(service({ needs: ['HEARING_IMPAIRMENT'] }));
    expect(result.outcome).toBe('NEEDS_ASSESSMENT');
    expect(result.reasons.find((r) => r.criterion === 'SERVICE_NEEDS')?.change).toBe(
      'Ask the provider whether they can support Sam',
    );
  });

  it('keeps overnight breaks for children at the Specialist tier, and says how to get there', () => {
    const result = decide(service({ type: 'OVERNIGHT_SHORT_BREAK' }));
    expect(result.outcome).toBe('NOT_ELIGIBLE');
    expect(result.reasons.at(-1)).toMatchObject({
      criterion: 'TIER',
      outcome: 'NOT_MET',
      reason:
        'This kind of break (overnight short break) is for children eligible for Specialist support: Sam is not eligible for it',
    });
    expect(decision.bestTier).toBe('UNIVERSAL_PLUS');
  });

  it('says a Targeted service needs an assessment first for a child who has not had one', () => {
    const result = decide(service({ type: 'HOME_SUPPORT' }));
    expect(result.outcome).toBe('NEEDS_ASSESSMENT');
    expect(result.reasons.at(-1)?.change).toContain('short breaks assessment');
  });

  it('refuses personal care past 18 from a provider without CQC registration', () => {
    const adult = child({ dateOfBirth: '2007-01-01' });
    const noCqc = service({
      type: 'INCLUSIVE_ACTIVITY',
      maxAge: 25,
      compliance: { hiddenFromFamilies: false, continuesPast18: 'NO', flags: [] },
    });
    expect(decide(noCqc, adult).reasons.find((r) => r.criterion === 'REGISTRATION')).toMatchObject({
      outcome: 'NOT_MET',
      reason: 'Not registered with CQC, so it cannot give personal care to Sam, who is 18 or over',
    });
    expect(decide(noCqc).reasons.find((r) => r.criterion === 'REGISTRATION')?.outcome).toBe('MET');
  });
});

describe('words for the cases families meet', () => {
  const reasonFor = (facts: EligibilityFacts, s: ServiceEligibilityFacts, criterion: string) =>
    decideService(
      DEVON_LIKE_STATEMENT,
      decideChild(DEVON_LIKE_STATEMENT, facts, today),
      facts,
      s,
      today,
    ).reasons.find((r) => r.criterion === criterion);

  it('asks for the tier when an assessment is recorded without one', () => {
    const targeted = tierOf(
      child({ socialCareAssessment: 'ASSESSED', assessedTier: null }),
      'TARGETED',
    );
    expect(targeted.reasons.at(-1)).toMatchObject({
      outcome: 'NEEDS_ASSESSMENT',
      reason: expect.stringMatching(/Sam was assessed, but the tier is not recorded$/),
      change: 'Add the tier the assessment placed Sam at',
    });
  });

  it('keeps the capitals of Makaton and British Sign Language', () => {
    const facts = child({ communication: ['MAKATON', 'BSL'] });
    expect(reasonFor(facts, service(), 'STAFF_SKILLS')?.reason).toBe(
      'Staff are not trained in Makaton and British Sign Language, which Sam needs',
    );
  });

  it('makes untrained communication a conversation, and untrained care a no', () => {
    expect(reasonFor(child({ communication: ['BSL'] }), service(), 'STAFF_SKILLS')?.outcome).toBe(
      'NEEDS_ASSESSMENT',
    );
    expect(reasonFor(child({ health: ['TUBE_FEEDING'] }), service(), 'STAFF_SKILLS')?.outcome).toBe(
      'NOT_MET',
    );
  });

  it('does not claim a service is open to any needs when it lists some', () => {
    expect(
      reasonFor(child({ needs: [] }), service({ needs: ['AUTISM'] }), 'SERVICE_NEEDS'),
    ).toMatchObject({
      outcome: 'MET',
      reason: 'No needs are recorded for Sam, so there are none to match',
    });
  });

  it('asks the provider when it has not said what support it offers', () => {
    expect(
      reasonFor(child({ supportNeeded: 'ONE_TO_ONE' }), service({ ratios: [] }), 'SUPPORT_RATIO'),
    ).toMatchObject({
      outcome: 'NEEDS_ASSESSMENT',
      reason: 'The provider has not said what support it can offer: Sam needs 1:1 support',
    });
  });

  it('says from when a service will offer the support the child needs', () => {
    const later = service({
      ratios: ['GROUP'],
      upcomingRatios: [{ ratio: 'ONE_TO_ONE', from: '2027-09-01' }],
    });
    expect(reasonFor(child({ supportNeeded: 'ONE_TO_ONE' }), later, 'SUPPORT_RATIO')).toEqual({
      criterion: 'SUPPORT_RATIO',
      outcome: 'NOT_MET',
      reason: 'Offers group support only: Sam needs 1:1 support',
      change: 'This service can offer 1:1 support from September 2027',
    });
    const started = service({
      ratios: ['GROUP'],
      upcomingRatios: [{ ratio: 'ONE_TO_ONE', from: '2026-09-01' }],
    });
    expect(
      reasonFor(child({ supportNeeded: 'ONE_TO_ONE' }), started, 'SUPPORT_RATIO')?.outcome,
    ).toBe('MET');
  });

  it('says a place can still be paid for when the council does not fund it', () => {
    const tier = reasonFor(
      child(),
      service({ type: 'OVERNIGHT_SHORT_BREAK', funding: ['SELF_PAY'] }),
      'TIER',
    );
    expect(tier?.change).toBe(
      'See why Sam is not eligible for Specialist support. You can still book a place and pay for it yourself.',
    );
  });

  it('asks rather than refuses when it cannot place a postcode', () => {
    const universalPlus = tierOf(child({ homePostcode: 'TA1', district: null }), 'UNIVERSAL_PLUS');
    expect(universalPlus.reasons.find((r) => r.criterion === 'district')).toMatchObject({
      outcome: 'NEEDS_ASSESSMENT',
      reason: expect.stringMatching(/we cannot tell which council covers TA1$/),
    });
  });

  it('says a baby is under 1', () => {
    expect(tierOf(child({ dateOfBirth: '2026-06-01' }), 'UNIVERSAL_PLUS').reasons[0]?.reason).toBe(
      'Open to children aged 0–17: Sam is under 1',
    );
  });
});

describe('age boundaries', () => {
  const tier = (min: number, max: number): Tier => ({
    code: 'T',
    name: 'T',
    summary: 'T',
    howToGetIt: 'T',
    criteria: [{ field: 'age', min, max }],
  });
  const ruleSet = (t: Tier): RuleSet => ({
    name: 'R',
    tiers: [t],
    services: { checks: [], tierRequirements: [] },
  });
  const outcomeOn = (dateOfBirth: string, day: string, min: number, max: number) =>
    decideTier(tier(min, max), child({ dateOfBirth }), ruleSet(tier(min, max)), day).outcome;

  it.each([
    // 18th birthday of someone born 25 November 2008
    ['2008-11-25', '2026-11-24', 0, 17, 'ELIGIBLE'],
    ['2008-11-25', '2026-11-25', 0, 17, 'NOT_ELIGIBLE'],
    ['2008-11-25', '2026-11-26', 0, 17, 'NOT_ELIGIBLE'],
    ['2008-11-25', '2026-11-24', 18, 25, 'NOT_ELIGIBLE'],
    ['2008-11-25', '2026-11-25', 18, 25, 'ELIGIBLE'],
    ['2008-11-25', '2026-11-26', 18, 25, 'ELIGIBLE'],
    // 25th birthday of someone born 25 November 2001
    ['2001-11-25', '2026-11-24', 18, 24, 'ELIGIBLE'],
    ['2001-11-25', '2026-11-25', 18, 24, 'NOT_ELIGIBLE'],
    ['2001-11-25', '2026-11-25', 18, 25, 'ELIGIBLE'],
    ['2001-11-25', '2026-11-26', 25, 25, 'ELIGIBLE'],
    ['2000-11-25', '2026-11-24', 18, 25, 'ELIGIBLE'],
    ['2000-11-25', '2026-11-25', 18, 25, 'NOT_ELIGIBLE'],
    // 29 February births turn a year older on 1 March in other years
    ['2008-02-29', '2026-02-28', 0, 17, 'ELIGIBLE'],
    ['2008-02-29', '2026-03-01', 0, 17, 'NOT_ELIGIBLE'],
    ['2008-02-29', '2026-03-01', 18, 25, 'ELIGIBLE'],
    ['2004-02-29', '2022-02-28', 18, 25, 'NOT_ELIGIBLE'],
    ['2004-02-29', '2024-02-29', 18, 25, 'ELIGIBLE'],
  ])('born %s, on %s, for ages %i–%i: %s', (dob, day, min, max, expected) => {
    expect(outcomeOn(dob, day, min, max)).toBe(expected);
  });

  it('tells a 29 February baby the day they can join', () => {
    const result = decideTier(
      tier(18, 25),
      child({ dateOfBirth: '2008-02-29' }),
      ruleSet(tier(18, 25)),
      '2026-01-10',
    );
    expect(result.reasons[0]?.change).toBe('From 1 March 2026, when Sam turns 18');
  });
});

describe('properties of any rule set', () => {
  const districts = DISTRICT_NAMES as string[];
  const facts: fc.Arbitrary<EligibilityFacts> = fc.record({
    name: fc.constantFrom('Sam', 'your child'),
    dateOfBirth: fc
      .date({
        min: new Date('2001-11-26T00:00:00Z'),
        max: new Date('2026-11-25T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    homePostcode: fc.option(fc.constantFrom('EX4', 'PL1', 'TQ1', 'EX39'), { nil: null }),
    district: fc.option(fc.constantFrom(...districts), { nil: null }),
    needs: fc.subarray([...NEED_CODES], { maxLength: 4 }),
    diagnosis: fc.constantFrom('DIAGNOSED', 'AWAITING', 'NONE'),
    ehcPlan: fc.constantFrom('YES', 'NO', 'BEING_ASSESSED'),
    socialCareAssessment: fc.constantFrom('NONE', 'REQUESTED', 'ASSESSED'),
    assessedTier: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }),
    budgetHolder: fc.constantFrom('NONE', 'FAMILY', 'COUNCIL', 'NOMINATED_AGENT'),
    supportNeeded: fc.constantFrom('GROUP', 'ONE_TO_ONE', 'TWO_TO_ONE'),
    communication: fc.subarray(['SPOKEN', 'MAKATON', 'BSL', 'AAC']),
    mobility: fc.subarray(['WHEELCHAIR_USER', 'HOIST']),
    health: fc.subarray(['EPILEPSY_RESCUE_MEDICATION', 'TUBE_FEEDING', 'OXYGEN']),
  });
  const ageArb = fc.integer({ min: 0, max: 25 });
  const criterion: fc.Arbitrary<Criterion> = fc.oneof(
    fc
      .tuple(ageArb, ageArb)
      .map(([a, b]) => ({ field: 'age' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc
      .subarray([...NEED_CODES], { minLength: 1 })
      .map((anyOf) => ({ field: 'needs' as const, anyOf })),
    fc
      .subarray(['DIAGNOSED', 'AWAITING', 'NONE'], { minLength: 1 })
      .map((oneOf) => ({ field: 'diagnosis' as const, oneOf })),
    fc
      .subarray(['YES', 'NO', 'BEING_ASSESSED'], { minLength: 1 })
      .map((oneOf) => ({ field: 'ehcPlan' as const, oneOf })),
    fc
      .subarray(['A', 'B', 'C'], { minLength: 1 })
      .map((oneOf) => ({ field: 'assessedTier' as const, oneOf })),
    fc
      .subarray(districts, { minLength: 1 })
      .map((oneOf) => ({ field: 'district' as const, oneOf })),
    fc
      .subarray(['NONE', 'FAMILY', 'COUNCIL', 'NOMINATED_AGENT'], { minLength: 1 })
      .map((oneOf) => ({ field: 'budgetHolder' as const, oneOf })),
  ) as fc.Arbitrary<Criterion>;
  const tierArb = (code: string) =>
    fc.array(criterion, { maxLength: 6 }).map((criteria): Tier => ({
      code,
      name: `Tier ${code}`,
      summary: 's',
      howToGetIt: 'h',
      criteria,
    }));
  const ruleSetArb: fc.Arbitrary<RuleSet> = fc
    .tuple(tierArb('A'), tierArb('B'), tierArb('C'))
    .map((tiers) => ({ name: 'R', tiers, services: { checks: [], tierRequirements: [] } }));

  it('adding a criterion the child meets never turns ELIGIBLE into NOT_ELIGIBLE', () => {
    fc.assert(
      fc.property(ruleSetArb, facts, criterion, (ruleSet, f, extra) => {
        const tier = ruleSet.tiers[0]!;
        const extraReason = decideTier({ ...tier, criteria: [extra] }, f, ruleSet, today)
          .reasons[0]!;
        fc.pre(extraReason.outcome === 'MET');
        const before = decideTier(tier, f, ruleSet, today).outcome;
        const after = decideTier(
          { ...tier, criteria: [...tier.criteria, extra] },
          f,
          ruleSet,
          today,
        ).outcome;
        if (before === 'ELIGIBLE') expect(after).toBe('ELIGIBLE');
        expect(after).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  const serviceArb = fc.record({
    type: fc.constantFrom('OVERNIGHT_SHORT_BREAK', 'INCLUSIVE_ACTIVITY', 'HOME_SUPPORT'),
    minAge: fc.integer({ min: 0, max: 12 }),
    maxAge: fc.integer({ min: 12, max: 25 }),
    needs: fc.subarray([...NEED_CODES], { maxLength: 3 }),
    ratios: fc.subarray(['GROUP', 'ONE_TO_ONE', 'TWO_TO_ONE']),
    skills: fc.subarray([
      'MAKATON',
      'BSL',
      'PECS_AAC',
      'EPILEPSY_RESCUE_MEDICATION',
      'TUBE_FEEDING',
    ]),
    features: fc.constant([]),
    compliance: fc.record({
      hiddenFromFamilies: fc.boolean(),
      continuesPast18: fc.constantFrom('YES' as const, 'NO' as const, 'NOT_APPLICABLE' as const),
      flags: fc.constant([]),
    }),
  });

  it('adding a service check the child meets never turns ELIGIBLE into NOT_ELIGIBLE', () => {
    const checks = fc.subarray([...SERVICE_CHECKS]);
    fc.assert(
      fc.property(
        facts,
        serviceArb,
        checks,
        fc.constantFrom(...SERVICE_CHECKS),
        (f, s, some, extra) => {
          const ruleSet = (list: ServiceCheck[]): RuleSet => ({
            ...DEVON_LIKE_STATEMENT,
            services: { ...DEVON_LIKE_STATEMENT.services, checks: list },
          });
          const decide = (list: ServiceCheck[]) =>
            decideService(ruleSet(list), decideChild(ruleSet(list), f, today), f, s, today);
          const alone = decide([extra]).reasons.find((r) => r.criterion === extra);
          fc.pre(alone === undefined || alone.outcome === 'MET');
          const before = decide(some.filter((c) => c !== extra)).outcome;
          const after = decide([...some.filter((c) => c !== extra), extra]).outcome;
          expect(after).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every NOT_ELIGIBLE has at least one reason not met, in words', () => {
    fc.assert(
      fc.property(facts, serviceArb, (f, s) => {
        const childDecision = decideChild(DEVON_LIKE_STATEMENT, f, today);
        const results = [
          ...childDecision.tiers,
          decideService(DEVON_LIKE_STATEMENT, childDecision, f, s, today),
        ];
        for (const result of results) {
          if (result.outcome !== 'NOT_ELIGIBLE') continue;
          const notMet = result.reasons.filter((r) => r.outcome === 'NOT_MET');
          expect(notMet.length).toBeGreaterThan(0);
          for (const reason of notMet) expect(reason.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});
