export const ROLES = ['FAMILY', 'YOUNG_PERSON', 'PROVIDER', 'COMMISSIONER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: someone signed in, or not. */
export type Actor =
  | {
      kind: 'anonymous';
      /** A session cookie or token was sent but is expired, revoked or forged. */
      rejectedCredentials: boolean;
    }
  | {
      kind: 'account';
      accountId: string;
      sessionId: string;
      role: Role;
      displayName: string;
      /** FAMILY and YOUNG_PERSON: the family they belong to. */
      familyId: string | null;
      /** YOUNG_PERSON: their own child record. */
      childId: string | null;
      /** PROVIDER and COMMISSIONER: organisations they belong to. */
      organisationIds: string[];
      /** OWNER memberships, a subset of organisationIds. */
      ownedOrganisationIds: string[];
    };

export type SignedInActor = Extract<Actor, { kind: 'account' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous', rejectedCredentials: false };
