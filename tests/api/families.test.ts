import { AuditEventModel } from '../../server/src/modules/access/audit.model';
import {
  DEMO_PASSWORD,
  latestEmail,
  linkToken,
  signIn,
  signInDemo,
  signUpFamily,
} from '../support/accounts';
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

type Child = {
  id: string;
  firstName: string;
  lastName: string | null;
  dateOfBirth: string | null;
  ageInYears: number;
};
const FAMILY =
  '{ family { id carers { displayName } children { id firstName lastName dateOfBirth ageInYears consents { organisation { id name } } } } }';
const CHILD =
  'query($id: ID!, $reason: String) { child(id: $id, reason: $reason) { id firstName lastName dateOfBirth ageInYears consents { organisation { name } } } }';
const CHILD_ADD =
  'mutation($input: ChildAddInput!) { childAdd(input: $input) { userErrors { field message code } child { id firstName ageInYears } } }';
const ACCESS_LOG = '{ childAccessLog { action actorName actorRole reason childName } }';

async function familyOf(headers: Record<string, string>) {
  const { body } = await harbour.graphql<{ family: { children: Child[] } }>(FAMILY, {}, headers);
  return body.data!.family;
}

async function providerOrganisationId() {
  const { body } = await harbour.graphql<{
    viewer: { organisations: { organisation: { id: string } }[] };
  }>('{ viewer { organisations { organisation { id } } } }', {}, demo.provider);
  return body.data!.viewer.organisations[0]!.organisation.id;
}

describe('a family and its children', () => {
  it('adds a child, and explains a date of birth it cannot accept', async () => {
    const parent = await signUpFamily(harbour, 'children.parent@example.com');
    const added = await harbour.graphql(
      CHILD_ADD,
      { input: { firstName: 'Ola', lastName: 'Test', dateOfBirth: '2016-04-01' } },
      parent,
    );
    expect(added.body.data).toMatchObject({
      childAdd: { userErrors: [], child: { firstName: 'Ola', ageInYears: 10 } },
    });

    const future = await harbour.graphql(
      CHILD_ADD,
      { input: { firstName: 'Ola', lastName: 'Test', dateOfBirth: '2099-01-01' } },
      parent,
    );
    expect(future.body.data).toEqual({
      childAdd: {
        userErrors: [
          {
            field: ['input', 'dateOfBirth'],
            message: 'Date of birth must be in the past',
            code: 'INVALID',
          },
        ],
        child: null,
      },
    });
    const tooOld = await harbour.graphql(
      CHILD_ADD,
      { input: { firstName: 'Ola', lastName: 'Test', dateOfBirth: '1990-01-01' } },
      parent,
    );
    expect(tooOld.body.data).toMatchObject({
      childAdd: {
        userErrors: [
          { message: 'Harbour is for children and young people up to 25: check the date of birth' },
        ],
      },
    });
    expect((await familyOf(parent)).children.map((c) => c.firstName)).toEqual(['Ola']);
  });

  it('never shows one family another family’s child', async () => {
    const sam = (await familyOf(demo.parent)).children.find((c) => c.firstName === 'Sam')!;
    const response = await harbour.graphql(CHILD, { id: sam.id }, demo.parent2);
    expect(response.body.data?.child ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(response.body)).not.toContain('Fictional');
  });
});

describe('consent and who has seen a child’s information', () => {
  it('lets a provider see only what it needs once the family consents, and tells the family', async () => {
    const parent = await signUpFamily(harbour, 'consent.parent@example.com', 'Consent Parent');
    const { body } = await harbour.graphql<{ childAdd: { child: Child } }>(
      CHILD_ADD,
      { input: { firstName: 'Kai', lastName: 'Private', dateOfBirth: '2013-06-15' } },
      parent,
    );
    const kai = body.data!.childAdd.child;
    const organisationId = await providerOrganisationId();

    const before = await harbour.graphql(CHILD, { id: kai.id }, demo.provider);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const grant =
      'mutation($input: ChildConsentInput!) { childConsentGrant(input: $input) { userErrors { message } child { consents { organisation { name } } } } }';
    const granted = await harbour.graphql(
      grant,
      { input: { childId: kai.id, organisationId } },
      parent,
    );
    expect(granted.body.data).toEqual({
      childConsentGrant: {
        userErrors: [],
        child: { consents: [{ organisation: { name: 'Sunrise Play (demo)' } }] },
      },
    });

    const seen = await harbour.graphql(CHILD, { id: kai.id }, demo.provider);
    expect(seen.body.data).toEqual({
      child: {
        id: kai.id,
        firstName: 'Kai',
        lastName: 'Private',
        dateOfBirth: null,
        ageInYears: 13,
        consents: null,
      },
    });

    const log = await harbour.graphql<{ childAccessLog: unknown[] }>(ACCESS_LOG, {}, parent);
    expect(log.body.data?.childAccessLog).toEqual([
      {
        action: 'CHILD_VIEWED',
        actorName: 'Jo Provider (demo), Sunrise Play (demo)',
        actorRole: 'PROVIDER',
        reason: null,
        childName: 'Kai',
      },
    ]);

    const revoke =
      'mutation($input: ChildConsentInput!) { childConsentRevoke(input: $input) { userErrors { message } } }';
    await harbour.graphql(revoke, { input: { childId: kai.id, organisationId } }, parent);
    expect(
      (await harbour.graphql(CHILD, { id: kai.id }, demo.provider)).body.errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('makes an admin give a reason, records it, and shows it to the family', async () => {
    const sam = (await familyOf(demo.parent)).children.find((c) => c.firstName === 'Sam')!;
    const noReason = await harbour.graphql(CHILD, { id: sam.id }, demo.admin);
    expect(noReason.body.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/Give a reason of at least 10 characters/),
    });
    const withReason = await harbour.graphql(
      CHILD,
      { id: sam.id, reason: 'Complaint 2026-17 from parent' },
      demo.admin,
    );
    expect(withReason.body.data).toMatchObject({
      child: { firstName: 'Sam', dateOfBirth: '2017-05-14' },
    });

    const log = await harbour.graphql<{
      childAccessLog: { actorRole: string; reason: string | null }[];
    }>(ACCESS_LOG, {}, demo.parent);
    expect(log.body.data?.childAccessLog[0]).toMatchObject({
      actorRole: 'ADMIN',
      reason: 'Complaint 2026-17 from parent',
    });
  });

  it('lets a commissioner open an individual record only with an admin’s grant', async () => {
    const alex = (await familyOf(demo.parent2)).children.find((c) => c.firstName === 'Alex')!;
    expect(
      (await harbour.graphql(CHILD, { id: alex.id }, demo.commissioner)).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');

    const viewer = await harbour.graphql<{ viewer: { id: string } }>(
      '{ viewer { id } }',
      {},
      demo.commissioner,
    );
    const grant =
      'mutation($input: CommissionerChildAccessGrantInput!) { commissionerChildAccessGrant(input: $input) { userErrors { field message } } }';
    const short = await harbour.graphql(
      grant,
      {
        input: {
          childId: alex.id,
          commissionerAccountId: viewer.body.data!.viewer.id,
          reason: 'x',
          days: 7,
        },
      },
      demo.admin,
    );
    expect(short.body.data).toEqual({
      commissionerChildAccessGrant: {
        userErrors: [
          { field: ['input', 'reason'], message: 'Give a reason of at least 10 characters' },
        ],
      },
    });
    await harbour.graphql(
      grant,
      {
        input: {
          childId: alex.id,
          commissionerAccountId: viewer.body.data!.viewer.id,
          reason: 'Tribunal bundle request 44',
          days: 7,
        },
      },
      demo.admin,
    );

    const opened = await harbour.graphql(CHILD, { id: alex.id }, demo.commissioner);
    expect(opened.body.data).toMatchObject({
      child: { firstName: 'Alex', lastName: null, dateOfBirth: '2014-09-01' },
    });
  });

  it('gives commissioners aggregates that identify no child', async () => {
    const { body } = await harbour.graphql<{
      familiesSummary: { children: number; childrenByAgeBand: { band: string; count: number }[] };
    }>(
      '{ familiesSummary { families children childrenByAgeBand { band count } } }',
      {},
      demo.commissioner,
    );
    expect(body.data?.familiesSummary.children).toBeGreaterThanOrEqual(3);
    expect(body.data?.familiesSummary.childrenByAgeBand.map((b) => b.band)).toEqual([
      '0-4',
      '5-10',
      '11-15',
      '16-17',
      '18-25',
    ]);
  });

  it('keeps the audit log append-only', async () => {
    await expect(AuditEventModel.updateMany({}, { $set: { reason: 'rewritten' } })).rejects.toThrow(
      'append-only',
    );
    await expect(AuditEventModel.deleteMany({})).rejects.toThrow('append-only');
    expect(await AuditEventModel.countDocuments({ reason: 'rewritten' })).toBe(0);
  });
});

describe('invitations', () => {
  it('lets a second parent carer join the family and see its children', async () => {
    const invite =
      'mutation($e: String!) { familyCarerInvite(input: { email: $e }) { userErrors { message } invitation { kind email } } }';
    expect(
      (await harbour.graphql(invite, { e: 'second.carer@example.com' }, demo.parent)).body.data,
    ).toEqual({
      familyCarerInvite: {
        userErrors: [],
        invitation: { kind: 'CARER', email: 'second.carer@example.com' },
      },
    });
    const token = linkToken(
      (await latestEmail(harbour, 'second.carer@example.com')).body,
      '/invitation',
    );
    const accept =
      'mutation($input: InvitationAcceptInput!) { invitationAccept(input: $input) { userErrors { field message code } account { role } } }';
    const weak = await harbour.graphql(accept, {
      input: { token, displayName: 'Second Carer', password: 'short' },
    });
    expect(weak.body.data).toMatchObject({
      invitationAccept: { userErrors: [{ field: ['input', 'password'] }] },
    });
    // A refused attempt does not spend the invitation.
    const accepted = await harbour.graphql(accept, {
      input: { token, displayName: 'Second Carer', password: 'quiet orchard lamp' },
    });
    expect(accepted.body.data).toEqual({
      invitationAccept: { userErrors: [], account: { role: 'FAMILY' } },
    });

    const carer = await signIn(harbour, 'second.carer@example.com', 'quiet orchard lamp');
    const family = await harbour.graphql<{
      family: { carers: { displayName: string }[]; children: Child[] };
    }>(FAMILY, {}, carer);
    expect(family.body.data?.family.children.map((c) => c.firstName).sort()).toEqual([
      'Riley',
      'Sam',
    ]);
    expect(family.body.data?.family.carers.map((c) => c.displayName)).toContain('Second Carer');
  });

  it('lets a young person of 16 or more take over their own record, and refuses younger', async () => {
    const children = (await familyOf(demo.parent)).children;
    const sam = children.find((c) => c.firstName === 'Sam')!;
    const riley = children.find((c) => c.firstName === 'Riley')!;
    const invite =
      'mutation($input: ChildYoungPersonInviteInput!) { childYoungPersonInvite(input: $input) { userErrors { field message code } invitation { kind } } }';

    const tooYoung = await harbour.graphql(
      invite,
      { input: { childId: sam.id, email: 'sam@example.com' } },
      demo.parent,
    );
    expect(tooYoung.body.data).toEqual({
      childYoungPersonInvite: {
        userErrors: [
          {
            field: ['input', 'childId'],
            message: 'Young people can have their own account from 16. Sam is 9.',
            code: 'TOO_YOUNG',
          },
        ],
        invitation: null,
      },
    });

    await harbour.graphql(
      invite,
      { input: { childId: riley.id, email: 'riley@example.com' } },
      demo.parent,
    );
    const token = linkToken((await latestEmail(harbour, 'riley@example.com')).body, '/invitation');
    await harbour.graphql(
      'mutation($input: InvitationAcceptInput!) { invitationAccept(input: $input) { userErrors { message } } }',
      {
        input: { token, displayName: 'Riley', password: 'my own account now' },
      },
    );
    const riley16 = await signIn(harbour, 'riley@example.com', 'my own account now');
    expect((await harbour.graphql(CHILD, { id: riley.id }, riley16)).body.data).toMatchObject({
      child: { firstName: 'Riley' },
    });
    expect(
      (await harbour.graphql(CHILD, { id: sam.id }, riley16)).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('lets a provider owner invite staff, who join the organisation', async () => {
    const organisationId = await providerOrganisationId();
    const invite =
      'mutation($input: OrganisationMemberInviteInput!) { organisationMemberInvite(input: $input) { userErrors { message } invitation { kind } } }';
    expect(
      (
        await harbour.graphql(
          invite,
          { input: { organisationId, email: 'staff@example.com' } },
          demo.provider,
        )
      ).body.data,
    ).toEqual({
      organisationMemberInvite: { userErrors: [], invitation: { kind: 'STAFF' } },
    });
    const token = linkToken((await latestEmail(harbour, 'staff@example.com')).body, '/invitation');
    await harbour.graphql(
      'mutation($input: InvitationAcceptInput!) { invitationAccept(input: $input) { userErrors { message } } }',
      {
        input: { token, displayName: 'Sky Staff', password: 'sunrise staff phrase' },
      },
    );
    const staff = await signIn(harbour, 'staff@example.com', 'sunrise staff phrase');
    const organisation = await harbour.graphql(
      'query($id: ID!) { organisation(id: $id) { name canPublish } }',
      { id: organisationId },
      staff,
    );
    expect(organisation.body.data).toEqual({
      organisation: { name: 'Sunrise Play (demo)', canPublish: true },
    });

    // Staff are not owners: they cannot invite.
    const byStaff = await harbour.graphql(
      invite,
      { input: { organisationId, email: 'x@example.com' } },
      staff,
    );
    expect(byStaff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a new provider unpublishable until an admin verifies it', async () => {
    const create =
      'mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { userErrors { message } organisation { id verificationStatus canPublish } } }';
    const { body } = await harbour.graphql<{
      organisationCreate: { organisation: { id: string; canPublish: boolean } };
    }>(create, { input: { name: 'Second Club (demo)', kind: 'PROVIDER' } }, demo.provider);
    expect(body.data?.organisationCreate.organisation).toMatchObject({
      verificationStatus: 'UNVERIFIED',
      canPublish: false,
    });
    const verify =
      'mutation($input: OrganisationVerifyInput!) { organisationVerify(input: $input) { organisation { canPublish } } }';
    const id = body.data!.organisationCreate.organisation.id;
    expect(
      (
        await harbour.graphql(
          verify,
          { input: { organisationId: id, decision: 'VERIFIED' } },
          demo.provider,
        )
      ).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await harbour.graphql(
          verify,
          { input: { organisationId: id, decision: 'VERIFIED' } },
          demo.admin,
        )
      ).body.data,
    ).toEqual({
      organisationVerify: { organisation: { canPublish: true } },
    });
  });
});

describe('data rights', () => {
  it('downloads everything held about the family, without secrets', async () => {
    const { body } = await harbour.graphql<{ familyDataExport: string }>(
      '{ familyDataExport }',
      {},
      demo.parent,
    );
    const data = JSON.parse(body.data!.familyDataExport);
    expect(data.accounts.map((a: { email: string }) => a.email)).toContain(
      'parent@demo.harbour.test',
    );
    expect(data.children.map((c: { firstName: string }) => c.firstName)).toEqual(
      expect.arrayContaining(['Sam', 'Riley']),
    );
    expect(data.activity.length).toBeGreaterThan(0);
    expect(body.data!.familyDataExport).not.toMatch(/passwordHash|totpSecret|argon2/);
  });

  it('erases a family’s personal data, keeps the anonymous audit trail, and signs everyone out', async () => {
    const parent = await signUpFamily(harbour, 'erase.me@example.com', 'Erase Me');
    await harbour.graphql(
      CHILD_ADD,
      { input: { firstName: 'Noor', lastName: 'Gone', dateOfBirth: '2015-01-01' } },
      parent,
    );
    const auditBefore = await AuditEventModel.countDocuments();

    const erase =
      'mutation($c: String!) { familyErasureRequest(input: { confirmation: $c }) { userErrors { field message } } }';
    expect((await harbour.graphql(erase, { c: 'yes' }, parent)).body.data).toEqual({
      familyErasureRequest: {
        userErrors: [{ field: ['input', 'confirmation'], message: 'Type ERASE to confirm' }],
      },
    });
    expect((await harbour.graphql(erase, { c: 'ERASE' }, parent)).body.data).toEqual({
      familyErasureRequest: { userErrors: [] },
    });

    expect(
      (await harbour.graphql('{ family { id } }', {}, parent)).body.errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const signInAgain = await harbour.graphql<{
      accountSignIn: { userErrors: { code: string }[] };
    }>(
      'mutation { accountSignIn(input: { email: "erase.me@example.com", password: "kettle harbour violet" }) { userErrors { code } } }',
    );
    expect(signInAgain.body.data?.accountSignIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');

    const { body } = await harbour.graphql<{ auditEvents: { actorName: string }[] }>(
      '{ auditEvents(first: 500) { actorName } }',
      {},
      demo.admin,
    );
    expect(JSON.stringify(body.data)).not.toMatch(/Erase Me|Noor/);
    expect(await AuditEventModel.countDocuments()).toBeGreaterThan(auditBefore);
    expect(DEMO_PASSWORD).toBeTruthy();
  });
});
