import { DEVON_LIKE_STATEMENT } from '../../shared/src';
import {
  AnonymousCheckModel,
  RuleSetVersionModel,
} from '../../server/src/modules/eligibility/eligibility.model';
import { draftInputOf } from '../../server/src/modules/eligibility/eligibility.rules';
import { signInDemo, signUpFamily } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
});

afterAll(async () => {
  await harbour.stop();
});

type Reason = { criterion: string; outcome: string; reason: string; change: string | null };
type Tier = { code: string; outcome: string; reasons: Reason[] };
type CheckPayload = {
  userErrors: { field: string[] | null; message: string; code: string }[];
  decision: {
    id: string | null;
    ruleSet: { version: number };
    bestTier: { code: string } | null;
    tiers: Tier[];
  } | null;
  services: { listing: { id: string; name: string }; outcome: string; reasons: Reason[] }[];
  eligibleServiceCount: number;
};

const CHECK_FIELDS = `userErrors { field message code }
  decision { id ruleSet { version } bestTier { code } tiers { code outcome reasons { criterion outcome reason change } } }
  services { listing { id name } outcome reasons { criterion outcome reason change } }
  eligibleServiceCount`;
const CHILD_CHECK = `mutation($id: ID!) { childEligibilityCheck(input: { childId: $id }) { ${CHECK_FIELDS} } }`;
const ANONYMOUS_CHECK = `mutation($input: EligibilityCheckInput!) { eligibilityCheckSubmit(input: $input) { ${CHECK_FIELDS} } }`;
const RULE_SET_FIELDS =
  'id status version name problems { path message } tiers { code name criteria { field min max values } }';
const DRAFT_SAVE = `mutation($input: EligibilityRuleSetDraftSaveInput!) { eligibilityRuleSetDraftSave(input: $input) { userErrors { field message code } ruleSet { ${RULE_SET_FIELDS} } } }`;
const PUBLISH = `mutation($id: ID!) { eligibilityRuleSetPublish(input: { ruleSetId: $id }) { userErrors { field message code } ruleSet { ${RULE_SET_FIELDS} } } }`;

async function childrenOf(headers: Record<string, string>) {
  const { body } = await harbour.graphql<{
    family: { children: { id: string; firstName: string }[] };
  }>('{ family { children { id firstName } } }', {}, headers);
  return new Map(body.data!.family.children.map((child) => [child.firstName, child.id]));
}

async function checkChild(headers: Record<string, string>, id: string) {
  const { body } = await harbour.graphql<{ childEligibilityCheck: CheckPayload }>(
    CHILD_CHECK,
    { id },
    headers,
  );
  return body.data!.childEligibilityCheck;
}

const answers = {
  dateOfBirth: '2018-06-01',
  homePostcode: 'EX4',
  needs: ['AUTISM'],
  diagnosis: 'DIAGNOSED',
  ehcPlan: 'NO',
  socialCareAssessment: 'NONE',
};

describe('the published rules', () => {
  it('are the demo’s Devon-like statement, for anyone to read', async () => {
    const { body } = await harbour.graphql<{
      eligibilityRules: { version: number; status: string; tiers: { code: string }[] };
    }>('{ eligibilityRules { version status tiers { code } } }');
    expect(body.data!.eligibilityRules).toEqual({
      version: 1,
      status: 'PUBLISHED',
      tiers: DEVON_LIKE_STATEMENT.tiers.map((tier) => ({ code: tier.code })),
    });
  });
});

describe('checking a saved child in one step', () => {
  it('puts the demo children in each tier, recording the version used', async () => {
    const family = await childrenOf(demo.parent);
    const family2 = await childrenOf(demo.parent2);
    const best = async (headers: Record<string, string>, id: string | undefined) =>
      (await checkChild(headers, id!)).decision?.bestTier?.code;
    expect(await best(demo.parent2, family2.get('Jordan'))).toBe('UNIVERSAL');
    expect(await best(demo.parent, family.get('Sam'))).toBe('UNIVERSAL_PLUS');
    expect(await best(demo.parent2, family2.get('Alex'))).toBe('TARGETED');
    expect(await best(demo.parent, family.get('Riley'))).toBe('SPECIALIST');

    const { body } = await harbour.graphql<{
      child: {
        eligibilityDecisions: {
          id: string;
          ruleSet: { version: number };
          bestTier: { code: string };
        }[];
      };
    }>(
      'query($id: ID!) { child(id: $id) { eligibilityDecisions { id ruleSet { version } bestTier { code } } } }',
      { id: family.get('Sam') },
      demo.parent,
    );
    expect(body.data!.child.eligibilityDecisions[0]).toMatchObject({
      ruleSet: { version: 1 },
      bestTier: { code: 'UNIVERSAL_PLUS' },
    });
  });

  it('explains each tier and lists services near the child with their reasons', async () => {
    const sam = (await childrenOf(demo.parent)).get('Sam')!;
    const result = await checkChild(demo.parent, sam);
    const targeted = result.decision!.tiers.find((tier) => tier.code === 'TARGETED')!;
    expect(targeted.outcome).toBe('NEEDS_ASSESSMENT');
    expect(targeted.reasons).toContainEqual({
      criterion: 'assessedTier',
      outcome: 'NEEDS_ASSESSMENT',
      reason:
        'For children a social care assessment placed at Targeted support or Specialist support: Sam has not had a social care assessment',
      change: 'Ask Devon’s children’s social care for a short breaks assessment',
    });
    expect(result.services.length).toBeGreaterThan(0);
    for (const service of result.services) {
      expect(['ELIGIBLE', 'NEEDS_ASSESSMENT']).toContain(service.outcome);
      expect(service.reasons.length).toBeGreaterThan(0);
    }
    expect(result.eligibleServiceCount).toBeGreaterThanOrEqual(
      result.services.filter((s) => s.outcome === 'ELIGIBLE').length,
    );
  });

  it('refuses another family’s child', async () => {
    const sam = (await childrenOf(demo.parent)).get('Sam')!;
    const { body } = await harbour.graphql(CHILD_CHECK, { id: sam }, demo.parent2);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(body)).not.toContain('Sam');
  });
});

describe('the anonymous checker', () => {
  it('answers with tiers and nearby services, keeping only anonymous counts', async () => {
    const before = await AnonymousCheckModel.countDocuments();
    const { body } = await harbour.graphql<{ eligibilityCheckSubmit: CheckPayload }>(
      ANONYMOUS_CHECK,
      { input: answers },
    );
    const result = body.data!.eligibilityCheckSubmit;
    expect(result.userErrors).toEqual([]);
    expect(result.decision).toMatchObject({
      id: null,
      ruleSet: { version: 1 },
      bestTier: { code: 'UNIVERSAL_PLUS' },
    });
    expect(result.decision!.tiers[1]!.reasons[0]!.reason).toBe(
      'Open to children aged 0–17: your child is 8',
    );

    const stored = await AnonymousCheckModel.find().lean();
    expect(stored).toHaveLength(before + 1);
    const check = stored.at(-1)!;
    expect(Object.keys(check).sort()).toEqual(
      ['_id', 'ageBand', 'bestTier', 'district', 'month', 'outcomes', 'ruleSetVersion'].sort(),
    );
    expect(JSON.stringify(check)).not.toMatch(/2018-06-01|AUTISM|EX4/);

    const summary = await harbour.graphql<{
      eligibilityCheckSummary: {
        checks: number;
        byDistrict: { district: string; checks: number }[];
      };
    }>(
      '{ eligibilityCheckSummary { checks byDistrict { district checks } } }',
      {},
      demo.commissioner,
    );
    expect(summary.body.data!.eligibilityCheckSummary.checks).toBe(before + 1);
    expect(summary.body.data!.eligibilityCheckSummary.byDistrict).toContainEqual({
      district: 'Exeter',
      checks: expect.any(Number),
    });
  });

  it.each([
    [
      'a date of birth in the future',
      { dateOfBirth: '2031-01-01' },
      ['input', 'dateOfBirth'],
      'Date of birth must be in the past',
    ],
    [
      'a date of birth more than 25 years ago',
      { dateOfBirth: '1990-01-01' },
      ['input', 'dateOfBirth'],
      'Harbour is for children and young people up to 25: check the date of birth',
    ],
    [
      'a postcode that is not one',
      { homePostcode: 'NOT A POSTCODE' },
      ['input', 'homePostcode'],
      'Enter a real postcode, like EX39 1AA, or its first half, like EX39',
    ],
  ])('refuses %s with a specific error', async (_name, change, field, message) => {
    const { body } = await harbour.graphql<{ eligibilityCheckSubmit: CheckPayload }>(
      ANONYMOUS_CHECK,
      { input: { ...answers, ...change } },
    );
    expect(body.data!.eligibilityCheckSubmit.userErrors).toEqual([
      { field, message, code: 'INVALID' },
    ]);
    expect(body.data!.eligibilityCheckSubmit.decision).toBeNull();
  });

  it('asks a person about a postcode it cannot place, and still lists services across Devon', async () => {
    const { body } = await harbour.graphql<{ eligibilityCheckSubmit: CheckPayload }>(
      ANONYMOUS_CHECK,
      { input: { ...answers, homePostcode: 'TA1 1AA' } },
    );
    const result = body.data!.eligibilityCheckSubmit;
    const universalPlus = result.decision!.tiers.find((tier) => tier.code === 'UNIVERSAL_PLUS')!;
    expect(universalPlus.outcome).toBe('NEEDS_ASSESSMENT');
    expect(universalPlus.reasons.find((r) => r.criterion === 'district')?.reason).toMatch(
      /we cannot tell which council covers TA1 1AA$/,
    );
    expect(result.services.length).toBeGreaterThan(0);
  });

  it('lists the allowed need codes when given an unknown one', async () => {
    const { body } = await harbour.graphql<{ eligibilityCheckSubmit: CheckPayload }>(
      ANONYMOUS_CHECK,
      { input: { ...answers, needs: ['SADNESS'] } },
    );
    const [error] = body.data!.eligibilityCheckSubmit.userErrors;
    expect(error?.field).toEqual(['input', 'needs', '0']);
    expect(error?.message).toMatch(/^Unknown need "SADNESS". Use one of: AUTISM, .*ADHD/);
  });
});

describe('a commissioner’s rules: draft, preview, publish', () => {
  it('refuses to publish a contradictory or unknown rule, naming where it is', async () => {
    const input = draftInputOf(DEVON_LIKE_STATEMENT);
    input.tiers[1]!.criteria[0] = { field: 'age', min: 18, max: 17, values: null, ifNotMet: null };
    input.tiers[2]!.criteria.push({
      field: 'shoeSize',
      min: null,
      max: null,
      values: ['9'],
      ifNotMet: null,
    });
    const saved = await harbour.graphql<{
      eligibilityRuleSetDraftSave: {
        ruleSet: { id: string; status: string; problems: { path: string[]; message: string }[] };
      };
    }>(DRAFT_SAVE, { input }, demo.commissioner);
    const draft = saved.body.data!.eligibilityRuleSetDraftSave.ruleSet;
    expect(draft.status).toBe('DRAFT');
    expect(draft.problems).toEqual([
      {
        path: ['tiers', '2', 'criteria', '4', 'field'],
        message: expect.stringMatching(/^Unknown field: criteria can use age, needs/),
      },
    ]);

    const refused = async (id: string) => {
      const { body } = await harbour.graphql<{
        eligibilityRuleSetPublish: {
          userErrors: { field: string[]; message: string; code: string }[];
          ruleSet: null;
        };
      }>(PUBLISH, { id }, demo.commissioner);
      expect(body.data!.eligibilityRuleSetPublish.ruleSet).toBeNull();
      return body.data!.eligibilityRuleSetPublish.userErrors;
    };
    expect(await refused(draft.id)).toEqual([
      {
        field: ['rules', 'tiers', '2', 'criteria', '4', 'field'],
        message: expect.stringMatching(/^Unknown field/),
        code: 'INVALID_RULES',
      },
    ]);

    input.tiers[2]!.criteria.pop();
    await harbour.graphql(
      DRAFT_SAVE,
      { input: { ...input, ruleSetId: draft.id } },
      demo.commissioner,
    );
    expect(await refused(draft.id)).toEqual([
      {
        field: ['rules', 'tiers', '1', 'criteria', '0', 'max'],
        message: 'The age range 18–17 is empty: the lowest age must not be above the highest',
        code: 'INVALID_RULES',
      },
    ]);
  });

  it('previews what changes, publishes a new immutable version, and later checks use it', async () => {
    const input = draftInputOf(DEVON_LIKE_STATEMENT);
    // Universal+ opens to young people up to 25.
    input.tiers[1]!.criteria[0] = { field: 'age', min: 0, max: 25, values: null, ifNotMet: null };
    input.services.tierRequirements[0] = {
      serviceTypes: ['OVERNIGHT_SHORT_BREAK'],
      tier: 'TARGETED',
    };
    const saved = await harbour.graphql<{
      eligibilityRuleSetDraftSave: {
        userErrors: unknown[];
        ruleSet: { id: string; problems: unknown[] };
      };
    }>(DRAFT_SAVE, { input }, demo.commissioner);
    const draft = saved.body.data!.eligibilityRuleSetDraftSave.ruleSet;
    expect(draft.problems).toEqual([]);
    // A second draft from version 1, left until someone else has published.
    const staleSaved = await harbour.graphql<{
      eligibilityRuleSetDraftSave: { ruleSet: { id: string } };
    }>(DRAFT_SAVE, { input: draftInputOf(DEVON_LIKE_STATEMENT) }, demo.commissioner);
    const stale = staleSaved.body.data!.eligibilityRuleSetDraftSave.ruleSet;

    const preview = await harbour.graphql<{
      eligibilityRulePreview: {
        childrenCompared: number | null;
        childrenChanging: number | null;
        tiers: {
          tier: string;
          before: { eligible: number | null } | null;
          after: { eligible: number | null };
        }[];
        serviceTypeChanges: { serviceType: string; change: string }[];
        servicesChangingCount: number;
      };
    }>(
      `query($id: ID!) { eligibilityRulePreview(ruleSetId: $id) {
        childrenCompared childrenChanging
        tiers { tier before { eligible } after { eligible } }
        serviceTypeChanges { serviceType change }
        servicesChanging { id } servicesChangingCount } }`,
      { id: draft.id },
      demo.commissioner,
    );
    const result = preview.body.data!.eligibilityRulePreview;
    expect(result.childrenCompared).toBeNull(); // 4 demo children: fewer than 5
    // Four demo children: one changes (Jordan, 19), and every count is under 5, so none is
    // shown: a commissioner must not be able to pick out a child with a narrow draft.
    expect(result.childrenChanging).toBeNull();
    const universalPlus = result.tiers.find((t) => t.tier === 'UNIVERSAL_PLUS')!;
    expect(universalPlus).toEqual({
      tier: 'UNIVERSAL_PLUS',
      before: { eligible: null },
      after: { eligible: null },
    });
    expect(result.serviceTypeChanges).toEqual([
      {
        serviceType: 'OVERNIGHT_SHORT_BREAK',
        change: 'Now for children eligible for Targeted support (was Specialist support)',
      },
    ]);
    expect(result.servicesChangingCount).toBeGreaterThan(0);

    const published = await harbour.graphql<{
      eligibilityRuleSetPublish: {
        userErrors: unknown[];
        ruleSet: { id: string; version: number; status: string };
      };
    }>(PUBLISH, { id: draft.id }, demo.commissioner);
    expect(published.body.data!.eligibilityRuleSetPublish).toMatchObject({
      userErrors: [],
      ruleSet: { version: 2, status: 'PUBLISHED' },
    });
    // Pressed again (a double click, or a retry): the same version, not a third.
    const again2 = await harbour.graphql<{
      eligibilityRuleSetPublish: { userErrors: unknown[]; ruleSet: { version: number } };
    }>(PUBLISH, { id: draft.id }, demo.commissioner);
    expect(again2.body.data!.eligibilityRuleSetPublish).toMatchObject({
      userErrors: [],
      ruleSet: { version: 2 },
    });
    expect(await RuleSetVersionModel.countDocuments()).toBe(2);
    expect(stale.id).toBeDefined();
    const outdated = await harbour.graphql<{
      eligibilityRuleSetPublish: { userErrors: { code: string; message: string }[] };
    }>(PUBLISH, { id: stale.id }, demo.commissioner);
    expect(outdated.body.data!.eligibilityRuleSetPublish.userErrors).toEqual([
      {
        field: ['input', 'ruleSetId'],
        code: 'OUTDATED',
        message:
          'Version 2 was published after this draft was started from version 1. Start a new draft from version 2 so its changes are not lost.',
      },
    ]);

    // A copy of version 1 started now would undo version 2: refused.
    const oldCopy = await harbour.graphql<{
      eligibilityRuleSetDraftSave: { userErrors: { code: string; message: string }[] };
    }>(
      DRAFT_SAVE,
      { input: { ...draftInputOf(DEVON_LIKE_STATEMENT), basedOnVersion: 1 } },
      demo.commissioner,
    );
    expect(oldCopy.body.data!.eligibilityRuleSetDraftSave.userErrors).toEqual([
      expect.objectContaining({
        code: 'OUTDATED',
        message: 'Version 2 is now in force: start the new draft from it',
      }),
    ]);

    const previewOfVersion = await harbour.graphql(
      'query { eligibilityRulePreview(ruleSetId: "v1") { childrenCompared } }',
      {},
      demo.commissioner,
    );
    expect(previewOfVersion.body.errors?.[0]).toMatchObject({
      message: 'Version 1 is already published: preview a draft',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    // The published draft is closed, and versions refuse any change even from inside.
    const again = await harbour.graphql<{
      eligibilityRuleSetDraftSave: { userErrors: { code: string }[] };
    }>(DRAFT_SAVE, { input: { ...input, ruleSetId: draft.id } }, demo.commissioner);
    expect(again.body.data!.eligibilityRuleSetDraftSave.userErrors[0]?.code).toBe('PUBLISHED');
    const closed = await harbour.graphql<{
      eligibilityRuleSet: { status: string; publishedAsVersion: number };
    }>(
      'query($id: ID!) { eligibilityRuleSet(id: $id) { status publishedAsVersion } }',
      { id: draft.id },
      demo.commissioner,
    );
    expect(closed.body.data!.eligibilityRuleSet).toEqual({
      status: 'DRAFT',
      publishedAsVersion: 2,
    });
    await expect(
      RuleSetVersionModel.updateOne({ _id: 2 }, { $set: { rules: {} } }),
    ).rejects.toThrow('Published eligibility rules never change');

    const jordan = (await childrenOf(demo.parent2)).get('Jordan')!;
    const check = await checkChild(demo.parent2, jordan);
    expect(check.decision).toMatchObject({
      ruleSet: { version: 2 },
      bestTier: { code: 'UNIVERSAL_PLUS' },
    });
  });

  it('is for commissioners: families cannot write rules', async () => {
    const { body } = await harbour.graphql(
      DRAFT_SAVE,
      { input: draftInputOf(DEVON_LIKE_STATEMENT) },
      demo.parent,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('services a child is eligible for, in search', () => {
  it('keeps only the services the child is eligible for, and says why on each', async () => {
    const riley = (await childrenOf(demo.parent)).get('Riley')!;
    const everything = await harbour.graphql<{
      directorySearch: { results: { totalCount: number } };
    }>('{ directorySearch(input: {}) { results { totalCount } } }');
    const { body } = await harbour.graphql<{
      directorySearch: {
        userErrors: unknown[];
        results: {
          totalCount: number;
          edges: { node: { id: string; eligibilityFor: { outcome: string } } }[];
        };
      };
    }>(
      `query($id: ID!) { directorySearch(input: { eligibleForChildId: $id }, first: 100) {
        userErrors { message } results { totalCount edges { node { id eligibilityFor(childId: $id) { outcome } } } } } }`,
      { id: riley },
      demo.parent,
    );
    const results = body.data!.directorySearch.results;
    expect(results.totalCount).toBeLessThan(
      everything.body.data!.directorySearch.results.totalCount,
    );
    for (const edge of results.edges) expect(edge.node.eligibilityFor.outcome).toBe('ELIGIBLE');
  });

  it('tells only the child’s own family how a service fits them', async () => {
    const riley = (await childrenOf(demo.parent)).get('Riley')!;
    const listing = await harbour.graphql<{
      directorySearch: { results: { edges: { node: { id: string } }[] } };
    }>('{ directorySearch(input: {}, first: 1) { results { edges { node { id } } } } }');
    const id = listing.body.data!.directorySearch.results.edges[0]!.node.id;
    const query =
      'query($id: ID!, $child: ID!) { serviceListing(id: $id) { eligibilityFor(childId: $child) { outcome } } }';
    for (const [who, headers] of [
      ['provider', demo.provider],
      ['commissioner', demo.commissioner],
      ['admin', demo.admin],
      ['another family', demo.parent2],
    ] as const) {
      const { body } = await harbour.graphql(query, { id, child: riley }, headers);
      expect({ who, code: body.errors?.[0]?.extensions?.code }).toEqual({ who, code: 'FORBIDDEN' });
    }
    const own = await harbour.graphql<{ serviceListing: { eligibilityFor: { outcome: string } } }>(
      query,
      { id, child: riley },
      demo.parent,
    );
    expect(own.body.data!.serviceListing.eligibilityFor.outcome).toMatch(
      /ELIGIBLE|NEEDS_ASSESSMENT/,
    );
  });

  it('tells a family when a club will be able to give the support their child needs', async () => {
    const alex = (await childrenOf(demo.parent2)).get('Alex')!;
    // The demo's first Sunrise club offers group support now and 1:1 from next September.
    const { body } = await harbour.graphql<{
      directorySearch: {
        results: {
          edges: {
            node: {
              upcomingRatios: { ratio: string; from: string }[];
              eligibilityFor: { reasons: Reason[] };
            };
          }[];
        };
      };
    }>(
      `query($child: ID!) { directorySearch(input: { text: "sunrise" }, first: 20) { results { edges { node {
        upcomingRatios { ratio from } eligibilityFor(childId: $child) { reasons { criterion outcome reason change } } } } } } }`,
      { child: alex },
      demo.parent2,
    );
    const planned = body.data!.directorySearch.results.edges.find(
      (edge) => edge.node.upcomingRatios.length > 0,
    )!.node;
    const ratio = planned.eligibilityFor.reasons.find((r) => r.criterion === 'SUPPORT_RATIO');
    expect(ratio).toMatchObject({
      outcome: 'NOT_MET',
      reason: 'Offers group support only: Alex needs 1:1 support',
      change: expect.stringMatching(/^This service can offer 1:1 support from September \d{4}$/),
    });
  });

  it('asks who is searching, and refuses another family’s child', async () => {
    const riley = (await childrenOf(demo.parent)).get('Riley')!;
    const query =
      'query($id: ID!) { directorySearch(input: { eligibleForChildId: $id }) { results { totalCount } } }';
    const anonymous = await harbour.graphql(query, { id: riley });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const stranger = await harbour.graphql(query, { id: riley }, demo.parent2);
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('before any rules are published', () => {
  let empty: TestHarbour;
  beforeAll(async () => {
    empty = await startTestHarbour();
  });
  afterAll(async () => {
    await empty.stop();
  });

  it('says so, rather than finding nothing', async () => {
    const parent = await signUpFamily(empty, 'no.rules@example.com');
    const added = await empty.graphql<{ childAdd: { child: { id: string } } }>(
      'mutation { childAdd(input: { firstName: "Nia", lastName: "Rules", dateOfBirth: "2016-01-01" }) { child { id } } }',
      {},
      parent,
    );
    const id = added.body.data!.childAdd.child.id;
    const noRules = {
      field: null,
      code: 'NO_RULES',
      message:
        'The council has not published its eligibility rules yet: contact its short breaks team',
    };
    const search = await empty.graphql<{ directorySearch: { userErrors: unknown[] } }>(
      'query($id: ID!) { directorySearch(input: { eligibleForChildId: $id }) { userErrors { field message code } } }',
      { id },
      parent,
    );
    expect(search.body.data!.directorySearch.userErrors).toEqual([noRules]);
    const check = await empty.graphql<{ childEligibilityCheck: { userErrors: unknown[] } }>(
      'mutation($id: ID!) { childEligibilityCheck(input: { childId: $id }) { userErrors { field message code } } }',
      { id },
      parent,
    );
    expect(check.body.data!.childEligibilityCheck.userErrors).toEqual([noRules]);
    const anonymous = await empty.graphql<{ eligibilityCheckSubmit: { userErrors: unknown[] } }>(
      ANONYMOUS_CHECK,
      { input: answers },
    );
    expect(anonymous.body.data!.eligibilityCheckSubmit.userErrors).toEqual([noRules]);
  });
});
