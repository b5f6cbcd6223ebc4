import { Types } from 'mongoose';
import type { Config } from '../../platform/config';
import type { Services } from '../../services';
import type { Role, SignedInActor } from '../access/actor';

/** The fixed demo sign-ins of the handbook's api.md; all names are fictional. */
export const DEMO_ACCOUNTS = {
  parent: 'parent@demo.harbour.test',
  parent2: 'parent2@demo.harbour.test',
  provider: 'provider@demo.harbour.test',
  commissioner: 'commissioner@demo.harbour.test',
  admin: 'admin@demo.harbour.test',
} as const;

export async function seedDemoAccounts(config: Config, services: Services): Promise<void> {
  const { accounts, families, organisations } = services;
  const totpSecretSealed = services.secrets.seal(config.demo.totpSecret);

  async function actor(
    email: string,
    displayName: string,
    role: Role,
    options: { family?: boolean; totp?: boolean } = {},
  ) {
    let account = await accounts.accountByEmail(email);
    if (!account) {
      const created = await accounts.createInvitedAccount({
        email,
        password: config.demo.password,
        displayName,
        role,
        familyId: options.family ? String(new Types.ObjectId()) : null,
        totpSecretSealed: options.totp ? totpSecretSealed : null,
      });
      if (!created.account)
        throw new Error(`demo account ${email}: ${created.userErrors[0]?.message}`);
      account = created.account;
    }
    if (account.familyId) await families.ensureFamily(account.familyId, account.id);
    const signedIn = await accounts.actorFor(account.id, 'demo-seed');
    if (!signedIn) throw new Error(`demo account ${email} is not active`);
    return signedIn;
  }

  async function child(
    parent: SignedInActor,
    firstName: string,
    lastName: string,
    dateOfBirth: string,
  ) {
    const existing = (await families.family(parent))?.children.find(
      (c) => c.firstName === firstName,
    );
    if (existing) return existing;
    const { child: added } = await families.addChild(parent, { firstName, lastName, dateOfBirth });
    if (!added) throw new Error(`demo child ${firstName} was refused`);
    return added;
  }

  const admin = await actor(DEMO_ACCOUNTS.admin, 'Morgan Admin (demo)', 'ADMIN', { totp: true });
  const parent = await actor(DEMO_ACCOUNTS.parent, 'Jamie Fictional', 'FAMILY', { family: true });
  const parent2 = await actor(DEMO_ACCOUNTS.parent2, 'Priya Example', 'FAMILY', { family: true });
  // A number from Ofcom's range for drama, so the demo's texts can never reach anyone.
  await accounts.setMobile(parent2, { mobile: '07700 900461' });
  const sam = await child(parent, 'Sam', 'Fictional', '2017-05-14');
  await child(parent, 'Riley', 'Fictional', '2010-02-03');
  await child(parent2, 'Alex', 'Example', '2014-09-01');

  let provider = await actor(DEMO_ACCOUNTS.provider, 'Jo Provider (demo)', 'PROVIDER');
  if (provider.ownedOrganisationIds.length === 0) {
    const { organisation } = await organisations.create(provider, {
      name: 'Sunrise Play (demo)',
      kind: 'PROVIDER',
    });
    if (!organisation) throw new Error('demo provider organisation was refused');
    await organisations.verify(admin, { organisationId: organisation.id, decision: 'VERIFIED' });
    provider = (await accounts.actorFor(provider.accountId, 'demo-seed')) ?? provider;
  }
  const [sunrise] = provider.ownedOrganisationIds;
  if (!sunrise) throw new Error('demo provider has no organisation');

  const commissioner = await actor(
    DEMO_ACCOUNTS.commissioner,
    'Casey Commissioner (demo)',
    'COMMISSIONER',
    { totp: true },
  );
  if (commissioner.organisationIds.length === 0) {
    const { organisation } = await organisations.create(admin, {
      name: 'Devon County Council SEND commissioning (demo)',
      kind: 'COMMISSIONER',
    });
    if (organisation)
      await organisations.addMember(organisation.id, commissioner.accountId, 'MEMBER');
  }

  // Sam's family lets Sunrise Play see Sam's record, and Sunrise Play has looked once, so the
  // family's "who has seen our information" page has something true to show.
  if (!sam.consents.some((consent) => consent.organisationId === sunrise)) {
    await families.setConsent(
      parent,
      {
        childId: sam.id,
        organisationId: sunrise,
        sections: ['NEEDS', 'COMMUNICATION', 'ABOUT_ME', 'EMERGENCY_CONTACTS'],
      },
      true,
    );
    await families.child(provider, sam.id);
  }
}
