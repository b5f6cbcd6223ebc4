import { ChildModel, ChildVersionModel } from '../../server/src/modules/families/family.model';
import { EligibilityDecisionModel } from '../../server/src/modules/eligibility/eligibility.model';
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

type UserError = { field: string[] | null; message: string; code: string };
type Profile = Record<string, unknown> & { version: number; sections: string[] };

const UPDATE = `mutation($input: ChildProfileUpdateInput!) { childProfileUpdate(input: $input) {
  userErrors { field message code } child { id profile { version needs likes district homePostcode } } } }`;
const PROFILE = `query($id: ID!) { child(id: $id) { firstName profile {
  version sections homePostcode district needs diagnosis supportNeeded communication health likes emergencyContacts { name phone } ehcPlan } } }`;

async function addChild(headers: Record<string, string>, firstName: string) {
  const { body } = await harbour.graphql<{ childAdd: { child: { id: string } } }>(
    'mutation($input: ChildAddInput!) { childAdd(input: $input) { child { id } } }',
    { input: { firstName, lastName: 'Profile', dateOfBirth: '2016-04-01' } },
    headers,
  );
  return body.data!.childAdd.child.id;
}

async function update(headers: Record<string, string>, input: Record<string, unknown>) {
  const { body } = await harbour.graphql<{
    childProfileUpdate: { userErrors: UserError[]; child: { profile: Profile } | null };
  }>(UPDATE, { input }, headers);
  return body.data!.childProfileUpdate;
}

describe('a child’s “tell it once” profile', () => {
  it('saves a change as a new version, working out the district from the postcode', async () => {
    const parent = await signUpFamily(harbour, 'profile.parent@example.com');
    const id = await addChild(parent, 'Mo');
    const saved = await update(parent, {
      childId: id,
      expectedVersion: 1,
      homePostcode: 'ex39 1aa',
      needs: ['AUTISM', 'ADHD', 'AUTISM'],
      likes: 'Drumming',
    });
    expect(saved.userErrors).toEqual([]);
    expect(saved.child!.profile).toMatchObject({
      version: 2,
      homePostcode: 'EX39 1AA',
      district: 'Torridge',
      needs: ['AUTISM', 'ADHD'],
      likes: 'Drumming',
    });

    const { body } = await harbour.graphql<{
      child: {
        profileVersions: {
          version: number;
          changedBy: string;
          changedFields: string[];
          profile: Profile;
        }[];
      };
    }>(
      'query($id: ID!) { child(id: $id) { profileVersions { version changedBy changedFields profile { likes } } } }',
      { id },
      parent,
    );
    expect(body.data!.child.profileVersions).toEqual([
      {
        version: 2,
        changedBy: 'Test Parent',
        changedFields: ['homePostcode', 'district', 'needs', 'likes'],
        profile: { likes: 'Drumming' },
      },
      { version: 1, changedBy: 'Test Parent', changedFields: ['created'], profile: { likes: '' } },
    ]);
  });

  it('refuses a change made from an old version, so nobody overwrites another carer’s change', async () => {
    const parent = await signUpFamily(harbour, 'stale.parent@example.com');
    const id = await addChild(parent, 'Kit');
    expect(
      (await update(parent, { childId: id, expectedVersion: 1, likes: 'Lego' })).userErrors,
    ).toEqual([]);
    const stale = await update(parent, { childId: id, expectedVersion: 1, likes: 'Trains' });
    expect(stale.userErrors).toEqual([
      {
        field: ['input', 'expectedVersion'],
        message:
          'Someone else changed this record since you opened it. Check the latest details and make your change again.',
        code: 'STALE',
      },
    ]);
  });

  it('keeps exactly one of two changes sent at the same moment from the same version', async () => {
    const parent = await signUpFamily(harbour, 'race.parent@example.com');
    const id = await addChild(parent, 'Ray');
    const results = await Promise.all(
      ['Swimming', 'Climbing', 'Painting', 'Singing'].map((likes) =>
        update(parent, { childId: id, expectedVersion: 1, likes }),
      ),
    );
    const saved = results.filter((result) => result.userErrors.length === 0);
    expect(saved).toHaveLength(1);
    const { body } = await harbour.graphql<{ child: { profile: Profile } }>(
      PROFILE,
      { id },
      parent,
    );
    expect(body.data!.child.profile).toMatchObject({
      version: 2,
      likes: saved[0]!.child!.profile.likes,
    });
    expect(await ChildVersionModel.countDocuments({ child: id })).toBe(2);
  });

  it.each<[string, Record<string, unknown>, string[], RegExp]>([
    [
      'an unknown need',
      { needs: ['SADNESS'] },
      ['input', 'needs', '0'],
      /^Unknown need "SADNESS". Use one of: AUTISM, /,
    ],
    [
      'a postcode that is not one',
      { homePostcode: 'HELLO WORLD' },
      ['input', 'homePostcode'],
      /^Enter a real postcode/,
    ],
    [
      'a phone number that is not one',
      { emergencyContacts: [{ name: 'Gran', relationship: 'Grandmother', phone: 'call me' }] },
      ['input', 'emergencyContacts', '0', 'phone'],
      /^Enter a phone number/,
    ],
    [
      'too long a note',
      { likes: 'x'.repeat(1001) },
      ['input', 'likes'],
      /^Likes must be 1000 characters or fewer$/,
    ],
  ])('explains what is wrong with %s', async (_name, change, field, message) => {
    const sam = await samId();
    const result = await update(demo.parent, { childId: sam, ...change });
    expect(result.child).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject({ field, message: expect.stringMatching(message) });
  });

  it('shows a provider only the sections the family shares with it', async () => {
    const sam = await samId();
    const organisationId = await sunriseId();
    await harbour.graphql(
      'mutation($c: ID!, $o: ID!) { childConsentGrant(input: { childId: $c, organisationId: $o, sections: [ABOUT_ME, COMMUNICATION] }) { userErrors { message } } }',
      { c: sam, o: organisationId },
      demo.parent,
    );
    const { body } = await harbour.graphql<{ child: { firstName: string; profile: Profile } }>(
      PROFILE,
      { id: sam },
      demo.provider,
    );
    const profile = body.data!.child.profile;
    expect(profile.sections).toEqual(['COMMUNICATION', 'ABOUT_ME']);
    expect(profile.likes).toBe('Trains, swimming and building dens.');
    expect(profile.communication).toEqual(['SPOKEN', 'MAKATON']);
    for (const hidden of [
      'homePostcode',
      'district',
      'needs',
      'diagnosis',
      'ehcPlan',
      'health',
      'emergencyContacts',
    ]) {
      expect(profile[hidden]).toBeNull();
    }
    const versions = await harbour.graphql(
      'query($id: ID!) { child(id: $id) { profileVersions { version } } }',
      { id: sam },
      demo.provider,
    );
    expect(versions.body.data).toEqual({ child: { profileVersions: null } });
  });

  it('goes in the family’s data download, and is erased with the family', async () => {
    const parent = await signUpFamily(harbour, 'erase.profile@example.com');
    const id = await addChild(parent, 'Ash');
    await update(parent, { childId: id, needs: ['AUTISM'], homePostcode: 'EX4' });
    await harbour.graphql(
      'mutation($id: ID!) { childEligibilityCheck(input: { childId: $id }) { userErrors { message } } }',
      { id },
      parent,
    );
    const exported = await harbour.graphql<{ familyDataExport: string }>(
      '{ familyDataExport }',
      {},
      parent,
    );
    const download = JSON.parse(exported.body.data!.familyDataExport) as {
      childVersions: unknown[];
      eligibilityDecisions: { bestTier: string }[];
    };
    expect(download.childVersions).toHaveLength(2);
    expect(download.eligibilityDecisions).toEqual([
      expect.objectContaining({ bestTier: 'UNIVERSAL_PLUS' }),
    ]);

    await harbour.graphql(
      'mutation { familyErasureRequest(input: { confirmation: "ERASE" }) { userErrors { message } } }',
      {},
      parent,
    );
    expect(await ChildVersionModel.countDocuments({ child: id })).toBe(0);
    expect(await EligibilityDecisionModel.countDocuments({ child: id })).toBe(0);
  });
});

async function samId() {
  const { body } = await harbour.graphql<{
    family: { children: { id: string; firstName: string }[] };
  }>('{ family { children { id firstName } } }', {}, demo.parent);
  return body.data!.family.children.find((child) => child.firstName === 'Sam')!.id;
}

async function sunriseId() {
  const { body } = await harbour.graphql<{
    viewer: { organisations: { organisation: { id: string } }[] };
  }>('{ viewer { organisations { organisation { id } } } }', {}, demo.provider);
  return body.data!.viewer.organisations[0]!.organisation.id;
}

describe('saving without changes, and clearing a tier', () => {
  it('keeps no version for a save that changes nothing, and clears an assessed tier with null', async () => {
    const parent = await signUpFamily(harbour, 'nochange.parent@example.com');
    const id = await addChild(parent, 'Lu');
    const assessed = await update(parent, {
      childId: id,
      socialCareAssessment: 'ASSESSED',
      assessedTier: 'TARGETED',
    });
    expect(assessed.child!.profile.version).toBe(2);
    const same = await update(parent, { childId: id, socialCareAssessment: 'ASSESSED' });
    expect(same.child!.profile.version).toBe(2);
    await update(parent, { childId: id, assessedTier: null });
    const { body } = await harbour.graphql<{ child: { profile: Profile } }>(
      'query($id: ID!) { child(id: $id) { profile { version assessedTier } } }',
      { id },
      parent,
    );
    expect(body.data!.child.profile).toEqual({ version: 3, assessedTier: null });
  });
});

describe('sharing with providers', () => {
  it('shows a provider nothing of the profile for a consent given before profiles existed', async () => {
    const sam = await samId();
    const organisationId = await sunriseId();
    // As stored before sections existed: the organisation and when, nothing more.
    await ChildModel.updateOne(
      { _id: sam },
      {
        $set: {
          consents: [{ organisation: organisationId, grantedAt: new Date(), grantedBy: sam }],
        },
      },
    );
    const { body } = await harbour.graphql<{ child: { firstName: string; profile: Profile } }>(
      PROFILE,
      { id: sam },
      demo.provider,
    );
    expect(body.data!.child.firstName).toBe('Sam');
    expect(body.data!.child.profile.sections).toEqual([]);
    expect(body.data!.child.profile.needs).toBeNull();
    expect(body.data!.child.profile.likes).toBeNull();
  });

  it('keeps both of a grant and a revoke made at the same moment', async () => {
    const parent = await signUpFamily(harbour, 'consent.race@example.com');
    const id = await addChild(parent, 'Bo');
    const sunrise = await sunriseId();
    const { body: created } = await harbour.graphql<{
      organisationCreate: { organisation: { id: string } };
    }>(
      'mutation { organisationCreate(input: { name: "Race Club (test)", kind: PROVIDER }) { organisation { id } } }',
      {},
      demo.admin,
    );
    const other = created.data!.organisationCreate.organisation.id;
    const grant = (organisationId: string) =>
      harbour.graphql(
        'mutation($c: ID!, $o: ID!) { childConsentGrant(input: { childId: $c, organisationId: $o, sections: [ABOUT_ME] }) { userErrors { message } } }',
        { c: id, o: organisationId },
        parent,
      );
    await grant(sunrise);
    const [revoked, granted] = await Promise.all([
      harbour.graphql(
        'mutation($c: ID!, $o: ID!) { childConsentRevoke(input: { childId: $c, organisationId: $o }) { userErrors { message } } }',
        { c: id, o: sunrise },
        parent,
      ),
      grant(other),
    ]);
    expect(revoked.body.errors).toBeUndefined();
    expect(granted.body.errors).toBeUndefined();
    const { body } = await harbour.graphql<{
      child: { consents: { organisation: { id: string } }[] };
    }>('query($id: ID!) { child(id: $id) { consents { organisation { id } } } }', { id }, parent);
    expect(body.data!.child.consents.map((c) => c.organisation.id)).toEqual([other]);
  });

  it('shows a commissioner with a grant the needs and plans only', async () => {
    const parent2Children = await harbour.graphql<{
      family: { children: { id: string; firstName: string }[] };
    }>('{ family { children { id firstName } } }', {}, demo.parent2);
    const alex = parent2Children.body.data!.family.children.find((c) => c.firstName === 'Alex')!.id;
    const commissionerId = (
      await harbour.graphql<{ viewer: { id: string } }>('{ viewer { id } }', {}, demo.commissioner)
    ).body.data!.viewer.id;
    await harbour.graphql(
      'mutation($c: ID!, $a: ID!) { commissionerChildAccessGrant(input: { childId: $c, commissionerAccountId: $a, reason: "Reviewing the short breaks offer", days: 1 }) { userErrors { message } } }',
      { c: alex, a: commissionerId },
      demo.admin,
    );
    const { body } = await harbour.graphql<{ child: { profile: Profile } }>(
      PROFILE,
      { id: alex },
      demo.commissioner,
    );
    expect(body.data!.child.profile.sections).toEqual(['NEEDS', 'PLANS_AND_BUDGET']);
    expect(body.data!.child.profile.needs).toEqual(['ADHD', 'SOCIAL_EMOTIONAL_MENTAL_HEALTH']);
    expect(body.data!.child.profile.emergencyContacts).toBeNull();
    expect(body.data!.child.profile.homePostcode).toBeNull();
  });
});
