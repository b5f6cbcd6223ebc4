import {
  DEVON_LIKE_STATEMENT,
  ruleSetProblems,
  type EligibilityFacts,
  type RuleSet,
} from '@harbour/shared';
import {
  criterionFromFlat,
  criterionToFlat,
  disclosable,
  draftInputOf,
  previewChanges,
} from './eligibility.rules';
import { childFacts } from '../../../../shared/src/eligibility/facts.testing';

const today = '2026-11-25';

// Sam as the preview tests were written for: 9, with no way of communicating recorded.
const child = (overrides: Partial<EligibilityFacts>) =>
  childFacts({ dateOfBirth: '2017-05-14', communication: [], ...overrides });

const children = [
  child({}),
  child({ name: 'Jordan', dateOfBirth: '2007-03-10' }),
  child({ name: 'Alex', socialCareAssessment: 'ASSESSED', assessedTier: 'TARGETED' }),
];

describe('the flat criteria GraphQL carries', () => {
  it('round-trips every criterion of the Devon-like statement', () => {
    const draft = draftInputOf(DEVON_LIKE_STATEMENT);
    const back = {
      ...draft,
      tiers: draft.tiers.map((tier) => ({
        ...tier,
        criteria: tier.criteria.map(criterionFromFlat),
      })),
    };
    expect(back).toEqual(DEVON_LIKE_STATEMENT);
  });

  it('keeps an unknown field as given, for publishing to refuse by its path', () => {
    const criterion = criterionFromFlat({ field: 'shoeSize', values: ['9'] });
    expect(criterion).toMatchObject({ field: 'shoeSize', values: ['9'] });
    expect(criterionToFlat(criterion)).toMatchObject({ field: 'shoeSize', values: ['9'] });
    const problems = ruleSetProblems({
      ...DEVON_LIKE_STATEMENT,
      tiers: [{ ...DEVON_LIKE_STATEMENT.tiers[0], criteria: [criterion] }],
    });
    expect(problems[0]?.path).toEqual(['tiers', 0, 'criteria', 0, 'field']);
  });
});

describe('previewing a change of rules', () => {
  it('counts nothing as changing when the rules are the same', () => {
    const preview = previewChanges(DEVON_LIKE_STATEMENT, DEVON_LIKE_STATEMENT, children, today);
    expect(preview.childrenCompared).toBe(3);
    expect(preview.childrenChanging).toBe(0);
    expect(preview.serviceTypeChanges).toEqual([]);
    expect(preview.serviceTypeAffected('OVERNIGHT_SHORT_BREAK')).toBe(false);
    for (const tier of preview.tiers) expect(tier.after).toEqual(tier.before);
  });

  it('counts the children whose outcome changes, tier by tier, and the services that follow', () => {
    const wider = structuredClone(DEVON_LIKE_STATEMENT) as RuleSet;
    wider.tiers[1]!.criteria[0] = { field: 'age', min: 0, max: 25 };
    const preview = previewChanges(DEVON_LIKE_STATEMENT, wider, children, today);
    expect(preview.childrenChanging).toBe(1);
    expect(preview.tiers[1]).toEqual({
      tier: 'UNIVERSAL_PLUS',
      name: 'Universal+',
      before: { tier: 'UNIVERSAL_PLUS', eligible: 2, needsAssessment: 0, notEligible: 1 },
      after: { tier: 'UNIVERSAL_PLUS', eligible: 3, needsAssessment: 0, notEligible: 0 },
    });
    // Holiday schemes need Universal+, whose outcomes changed; overnight breaks need Specialist.
    expect(preview.serviceTypeAffected('HOLIDAY_SCHEME')).toBe(true);
    expect(preview.serviceTypeAffected('OVERNIGHT_SHORT_BREAK')).toBe(false);
    expect(preview.serviceTypeAffected('INCLUSIVE_ACTIVITY')).toBe(false);
  });

  it('names the kinds of break whose tier changes', () => {
    const changed = structuredClone(DEVON_LIKE_STATEMENT) as RuleSet;
    changed.services.tierRequirements = changed.services.tierRequirements.filter(
      (r) => r.tier !== 'SPECIALIST',
    );
    changed.services.tierRequirements.push({
      serviceTypes: ['INCLUSIVE_ACTIVITY'],
      tier: 'UNIVERSAL_PLUS',
    });
    const preview = previewChanges(DEVON_LIKE_STATEMENT, changed, children, today);
    expect(preview.serviceTypeChanges).toEqual([
      {
        serviceType: 'OVERNIGHT_SHORT_BREAK',
        change: 'Now open to all (was for children eligible for Specialist support)',
      },
      {
        serviceType: 'INCLUSIVE_ACTIVITY',
        change: 'Now for children eligible for Universal+ (was open to all)',
      },
    ]);
  });

  it('treats a first publication as changing everything', () => {
    const preview = previewChanges(null, DEVON_LIKE_STATEMENT, children, today);
    expect(preview.childrenChanging).toBe(3);
    expect(preview.tiers.every((tier) => tier.before === null)).toBe(true);
    expect(preview.serviceTypeAffected('INCLUSIVE_ACTIVITY')).toBe(true);
  });
});

describe('counts a preview may show', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [7, 5],
    [8, 10],
    [53, 55],
  ])('%i is shown as %p', (count, shown) => {
    expect(disclosable(count)).toBe(shown);
  });
});
