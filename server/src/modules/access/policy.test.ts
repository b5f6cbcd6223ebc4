import type { Actor, Role } from './actor';
import {
  allows,
  CHILD_NOT_VISIBLE,
  childAccess,
  childChange,
  childFieldVisible,
  type ChildFacts,
} from './policy';

function signedIn(role: Role, extra: Partial<Extract<Actor, { kind: 'account' }>> = {}): Actor {
  return {
    kind: 'account',
    accountId: `${role.toLowerCase()}-1`,
    sessionId: 's',
    role,
    displayName: role,
    familyId: null,
    childId: null,
    organisationIds: [],
    ownedOrganisationIds: [],
    ...extra,
  };
}

const sam: ChildFacts = {
  familyId: 'family-a',
  youngPersonAccountId: 'young_person-1',
  consentedOrganisationIds: ['org-sunrise'],
  commissionerGrantAccountIds: [],
};

describe('who may call an operation', () => {
  it('lets anyone call public operations', () => {
    expect(allows('PUBLIC', { kind: 'anonymous', rejectedCredentials: false })).toBe('yes');
  });

  it('asks anonymous callers to sign in, and refuses other roles', () => {
    expect(allows(['FAMILY'], { kind: 'anonymous', rejectedCredentials: false })).toBe(
      'UNAUTHENTICATED',
    );
    expect(allows(['FAMILY'], signedIn('PROVIDER'))).toBe('FORBIDDEN');
    expect(allows(['FAMILY'], signedIn('FAMILY'))).toBe('yes');
    expect(allows('SIGNED_IN', signedIn('ADMIN'))).toBe('yes');
  });
});

describe('reading a child’s record', () => {
  it.each<[string, Actor, boolean, string | undefined]>([
    ['their family, unaudited', signedIn('FAMILY', { familyId: 'family-a' }), true, 'FAMILY'],
    ['another family', signedIn('FAMILY', { familyId: 'family-b' }), false, undefined],
    ['the young person themselves', signedIn('YOUNG_PERSON'), true, 'OWN_RECORD'],
    [
      'another young person',
      signedIn('YOUNG_PERSON', { accountId: 'someone-else' }),
      false,
      undefined,
    ],
    [
      'a provider the family consented to',
      signedIn('PROVIDER', { organisationIds: ['org-sunrise'] }),
      true,
      'PROVIDER',
    ],
    [
      'a provider without consent',
      signedIn('PROVIDER', { organisationIds: ['org-other'] }),
      false,
      undefined,
    ],
    ['a commissioner without a grant', signedIn('COMMISSIONER'), false, undefined],
    ['anyone not signed in', { kind: 'anonymous', rejectedCredentials: false }, false, undefined],
  ])('%s', (_who, actor, allowed, view) => {
    const decision = childAccess(actor, sam);
    expect(decision.allowed).toBe(allowed);
    if (decision.allowed) expect(decision.view).toBe(view);
    else expect(decision.why).toBe(CHILD_NOT_VISIBLE);
  });

  it('audits everyone outside the family', () => {
    expect(childAccess(signedIn('FAMILY', { familyId: 'family-a' }), sam)).toMatchObject({
      audited: false,
    });
    expect(
      childAccess(signedIn('PROVIDER', { organisationIds: ['org-sunrise'] }), sam),
    ).toMatchObject({
      audited: true,
    });
  });

  it('lets a commissioner in only with an explicit grant', () => {
    const commissioner = signedIn('COMMISSIONER');
    const granted = { ...sam, commissionerGrantAccountIds: ['commissioner-1'] };
    expect(childAccess(commissioner, granted)).toMatchObject({
      allowed: true,
      view: 'COMMISSIONER',
      audited: true,
    });
  });

  it('asks an admin for a reason before opening a record', () => {
    const admin = signedIn('ADMIN');
    expect(childAccess(admin, sam)).toMatchObject({
      allowed: false,
      why: expect.stringMatching(/reason/),
    });
    expect(childAccess(admin, sam, 'too short')).toMatchObject({ allowed: false });
    expect(childAccess(admin, sam, 'Safeguarding referral 2026-114')).toMatchObject({
      allowed: true,
      view: 'ADMIN',
    });
  });
});

describe('changing a child’s record', () => {
  it('is for the family and the young person only', () => {
    expect(childChange(signedIn('FAMILY', { familyId: 'family-a' }), sam).allowed).toBe(true);
    expect(childChange(signedIn('YOUNG_PERSON'), sam).allowed).toBe(true);
    expect(
      childChange(signedIn('PROVIDER', { organisationIds: ['org-sunrise'] }), sam).allowed,
    ).toBe(false);
    expect(childChange(signedIn('ADMIN'), sam).allowed).toBe(false);
  });
});

describe('sensitive fields', () => {
  it('keeps the date of birth and consents from provider staff', () => {
    expect(childFieldVisible('Child.dateOfBirth', 'PROVIDER')).toBe(false);
    expect(childFieldVisible('Child.consents', 'PROVIDER')).toBe(false);
    expect(childFieldVisible('Child.dateOfBirth', 'FAMILY')).toBe(true);
  });
});
