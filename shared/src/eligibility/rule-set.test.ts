import { DEVON_LIKE_STATEMENT } from './devon-statement';
import { ruleSetProblems, type RuleSet } from './rule-set';

const withTier = (index: number, change: Record<string, unknown>): unknown => ({
  ...DEVON_LIKE_STATEMENT,
  tiers: DEVON_LIKE_STATEMENT.tiers.map((tier, i) => (i === index ? { ...tier, ...change } : tier)),
});

describe('publishing a rule set', () => {
  it('accepts the Devon-like statement', () => {
    expect(ruleSetProblems(DEVON_LIKE_STATEMENT)).toEqual([]);
  });

  it('refuses an empty age range with the path of the problem', () => {
    const problems = ruleSetProblems(
      withTier(1, { criteria: [{ field: 'age', min: 18, max: 17 }] }),
    );
    expect(problems).toEqual([
      {
        path: ['tiers', 1, 'criteria', 0, 'max'],
        message: 'The age range 18–17 is empty: the lowest age must not be above the highest',
      },
    ]);
  });

  it('refuses a criterion on a field the profile does not have', () => {
    const problems = ruleSetProblems(
      withTier(2, { criteria: [{ field: 'shoeSize', oneOf: ['5'] }] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['tiers', 2, 'criteria', 0, 'field']);
    expect(problems[0]?.message).toMatch(/^Unknown field: criteria can use age, needs/);
  });

  it('refuses unknown keys, need codes and districts, listing what is allowed', () => {
    expect(ruleSetProblems(withTier(0, { colour: 'red' }))[0]?.path).toEqual(['tiers', 0]);
    const needs = ruleSetProblems(
      withTier(0, { criteria: [{ field: 'needs', anyOf: ['SADNESS'] }] }),
    );
    expect(needs[0]).toMatchObject({ path: ['tiers', 0, 'criteria', 0, 'anyOf', 0] });
    expect(needs[0]?.message).toContain('Use one of: AUTISM');
  });

  it('refuses a list that can never be met', () => {
    const problems = ruleSetProblems(withTier(0, { criteria: [{ field: 'ehcPlan', oneOf: [] }] }));
    expect(problems[0]).toEqual({
      path: ['tiers', 0, 'criteria', 0, 'oneOf'],
      message: 'Choose at least one EHC plan status: an empty list can never be met',
    });
  });

  it('refuses references to tiers that do not exist and duplicate codes', () => {
    const ruleSet = structuredClone(DEVON_LIKE_STATEMENT) as RuleSet;
    ruleSet.services.tierRequirements[0]!.tier = 'PLATINUM';
    ruleSet.tiers[1]!.code = 'UNIVERSAL';
    expect(ruleSetProblems(ruleSet).map((p) => p.path)).toEqual([
      ['tiers', 1, 'code'],
      ['services', 'tierRequirements', 0, 'tier'],
      // UNIVERSAL_PLUS is gone too
      ['services', 'tierRequirements', 2, 'tier'],
    ]);
  });

  it('refuses two criteria on one field in a tier', () => {
    const problems = ruleSetProblems(
      withTier(0, {
        criteria: [
          { field: 'age', min: 0, max: 10 },
          { field: 'age', min: 12, max: 17 },
        ],
      }),
    );
    expect(problems).toEqual([
      {
        path: ['tiers', 0, 'criteria', 1, 'field'],
        message: 'Universal has two age criteria: combine them into one',
      },
    ]);
  });
});
