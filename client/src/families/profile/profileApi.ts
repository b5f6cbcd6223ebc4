import type {
  ChildProfile as StoredProfile,
  ChildProfileChange,
  ProfileSection,
} from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, userErrorsOf, type UserError } from '../../api/userErrors';
import {
  profileFactFields,
  publishedTierNameFields,
  type Tier,
} from '../eligibility/eligibilityApi';
import { childOrNull } from '../family/familyApi';

/** A child's profile as their family sees it: every section, nothing hidden. */
export type ChildProfile = StoredProfile & { version: number; sections: ProfileSection[] };

/** One saved change to a child's record, newest first in lists. */
export type ProfileVersion = {
  version: number;
  changedAt: string;
  changedBy: string;
  /** The fields the change touched, such as needs or firstName; ["created"] for the first. */
  changedFields: string[];
};

export type ChildWithProfile = {
  id: string;
  firstName: string;
  profile: ChildProfile;
  latestVersion: ProfileVersion | null;
  /** The published tiers, to name the tier a social care assessment gave; none before rules exist. */
  tiers: Tier[];
};

export type Consent = {
  organisation: { id: string; name: string };
  grantedAt: string;
  sections: ProfileSection[];
};

export type ChildWithConsents = { id: string; firstName: string; consents: Consent[] };

/** The service a family found, and the organisation behind it that they may share with. */
export type ListingToShareWith = {
  id: string;
  name: string;
  providerName: string;
  organisationId: string;
};

const profileVersionFields = /* GraphQL */ `
  version
  changedAt
  changedBy
  changedFields
`;

const childProfileQuery = /* GraphQL */ `
  query ChildProfile($childId: ID!) {
    child(id: $childId) {
      id
      firstName
      profile {
        version
        sections
        ${profileFactFields}
        healthNotes
        behaviourSupport
        whatHelps
        likes
        dislikes
        emergencyContacts {
          name
          relationship
          phone
        }
      }
      profileVersions {
        ${profileVersionFields}
      }
    }
    ${publishedTierNameFields}
  }
`;

const profileHistoryQuery = /* GraphQL */ `
  query ChildProfileHistory($childId: ID!) {
    child(id: $childId) {
      id
      firstName
      profileVersions {
        ${profileVersionFields}
      }
    }
  }
`;

const consentsQuery = /* GraphQL */ `
  query ChildConsents($childId: ID!) {
    child(id: $childId) {
      id
      firstName
      consents {
        organisation {
          id
          name
        }
        grantedAt
        sections
      }
    }
  }
`;

const listingQuery = /* GraphQL */ `
  query ServiceListingToShareWith($id: ID!) {
    serviceListing(id: $id) {
      id
      name
      providerName
      organisationId
    }
  }
`;

const profileUpdateMutation = /* GraphQL */ `
  mutation ChildProfileUpdate($input: ChildProfileUpdateInput!) {
    childProfileUpdate(input: $input) {
      ${userErrorFields}
      child {
        id
      }
    }
  }
`;

const consentGrantMutation = /* GraphQL */ `
  mutation ChildConsentGrant(
    $childId: ID!
    $organisationId: ID!
    $sections: [ChildProfileSection!]!
  ) {
    childConsentGrant(
      input: { childId: $childId, organisationId: $organisationId, sections: $sections }
    ) {
      ${userErrorFields}
      child {
        id
      }
    }
  }
`;

const consentRevokeMutation = /* GraphQL */ `
  mutation ChildConsentRevoke($childId: ID!, $organisationId: ID!) {
    childConsentRevoke(input: { childId: $childId, organisationId: $organisationId }) {
      ${userErrorFields}
      child {
        id
      }
    }
  }
`;

type ChildData<Child> = { child: Child | null };

type ChildProfileData = ChildData<{
  id: string;
  firstName: string;
  profile: ChildProfile;
  profileVersions: ProfileVersion[] | null;
}> & { eligibilityRules: { tiers: Tier[] } | null };

export async function fetchChildProfile(childId: string): Promise<ChildWithProfile | null> {
  const data = await childOrNull<ChildProfileData>(childProfileQuery, childId);
  if (!data) return null;
  const { profileVersions, ...child } = data.child;
  return {
    ...child,
    latestVersion: profileVersions?.[0] ?? null,
    tiers: data.eligibilityRules?.tiers ?? [],
  };
}

type HistoryData = ChildData<{
  id: string;
  firstName: string;
  profileVersions: ProfileVersion[] | null;
}>;

/** Every saved change to the child's record, newest first. */
export async function fetchProfileHistory(
  childId: string,
): Promise<{ id: string; firstName: string; versions: ProfileVersion[] } | null> {
  const data = await childOrNull<HistoryData>(profileHistoryQuery, childId);
  if (!data) return null;
  const { profileVersions, ...child } = data.child;
  return {
    ...child,
    versions: (profileVersions ?? []).toSorted((a, b) => b.version - a.version),
  };
}

type ConsentsData = ChildData<{ id: string; firstName: string; consents: Consent[] | null }>;

/** The providers the family shares the child's profile with, and what each may see. */
export async function fetchConsents(childId: string): Promise<ChildWithConsents | null> {
  const data = await childOrNull<ConsentsData>(consentsQuery, childId);
  if (!data) return null;
  return { ...data.child, consents: data.child.consents ?? [] };
}

/** A service listing, or null when there is none with this id (any more). */
export async function fetchListingToShareWith(id: string): Promise<ListingToShareWith | null> {
  const { serviceListing } = await graphqlRequest<{
    serviceListing: ListingToShareWith | null;
  }>(listingQuery, { id });
  return serviceListing;
}

type ChildPayload = { userErrors: UserError[]; child: { id: string } | null };

/**
 * Changes the given fields of the profile. `expectedVersion` is the version the family was
 * looking at: if someone saved since, the API refuses with a STALE userError.
 */
export async function updateChildProfile(input: {
  childId: string;
  expectedVersion: number;
  change: ChildProfileChange;
}): Promise<UserError[]> {
  const { childProfileUpdate } = await graphqlRequest<{ childProfileUpdate: ChildPayload }>(
    profileUpdateMutation,
    {
      input: { childId: input.childId, expectedVersion: input.expectedVersion, ...input.change },
    },
  );
  return userErrorsOf('childProfileUpdate', childProfileUpdate, childProfileUpdate.child);
}

/** Lets the organisation see these sections of the profile, replacing what it could see. */
export async function grantConsent(input: {
  childId: string;
  organisationId: string;
  sections: readonly ProfileSection[];
}): Promise<UserError[]> {
  const { childConsentGrant } = await graphqlRequest<{ childConsentGrant: ChildPayload }>(
    consentGrantMutation,
    input,
  );
  return userErrorsOf('childConsentGrant', childConsentGrant, childConsentGrant.child);
}

/** Stops the organisation seeing any of the child's record. */
export async function revokeConsent(input: {
  childId: string;
  organisationId: string;
}): Promise<UserError[]> {
  const { childConsentRevoke } = await graphqlRequest<{ childConsentRevoke: ChildPayload }>(
    consentRevokeMutation,
    input,
  );
  return userErrorsOf('childConsentRevoke', childConsentRevoke, childConsentRevoke.child);
}
