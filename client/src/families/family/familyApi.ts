import { GraphQLRequestError, graphqlRequest } from '../../api/graphql';
import { userErrorFields, userErrorsOf, type UserError } from '../../api/userErrors';

export type Child = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ageInYears: number;
};

export type AccessEvent = {
  id: string;
  at: string;
  action: string;
  actorName: string;
  reason: string | null;
  childName: string;
};

const childrenQuery = /* GraphQL */ `
  query FamilyChildren {
    viewer {
      id
      family {
        id
        children {
          id
          firstName
          lastName
          dateOfBirth
          ageInYears
        }
      }
    }
  }
`;

const childAddMutation = /* GraphQL */ `
  mutation ChildAdd($firstName: String!, $lastName: String!, $dateOfBirth: String!) {
    childAdd(input: { firstName: $firstName, lastName: $lastName, dateOfBirth: $dateOfBirth }) {
      ${userErrorFields}
      child {
        id
      }
    }
  }
`;

const accessLogQuery = /* GraphQL */ `
  query ChildAccessLog {
    childAccessLog {
      id
      at
      action
      actorName
      reason
      childName
    }
  }
`;

const carerInviteMutation = /* GraphQL */ `
  mutation FamilyCarerInvite($email: String!) {
    familyCarerInvite(input: { email: $email }) {
      ${userErrorFields}
      invitation {
        email
        expiresAt
      }
    }
  }
`;

const youngPersonInviteMutation = /* GraphQL */ `
  mutation ChildYoungPersonInvite($childId: ID!, $email: String!) {
    childYoungPersonInvite(input: { childId: $childId, email: $email }) {
      ${userErrorFields}
      invitation {
        email
        expiresAt
      }
    }
  }
`;

const erasureRequestMutation = /* GraphQL */ `
  mutation FamilyErasureRequest($confirmation: String!) {
    familyErasureRequest(input: { confirmation: $confirmation }) {
      ${userErrorFields}
    }
  }
`;

const dataExportQuery = /* GraphQL */ `
  query FamilyDataExport {
    familyDataExport
  }
`;

type FamilyChildrenData = {
  viewer: { id: string; family: { id: string; children: Child[] } | null } | null;
};

/**
 * Asks for one of the family's children (`query` takes `$childId` and answers `child`), or null
 * when there is no child with this id that the signed-in person may see: the API refuses those
 * as FORBIDDEN, as it does a child of another family, which to a family is simply a page that is
 * not there.
 */
export async function childOrNull<Data extends { child: unknown }>(
  query: string,
  childId: string,
): Promise<(Data & { child: NonNullable<Data['child']> }) | null> {
  try {
    const data = await graphqlRequest<Data>(query, { childId });
    return data.child === null ? null : (data as Data & { child: NonNullable<Data['child']> });
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.codes.includes('FORBIDDEN')) return null;
    throw error;
  }
}

/** The signed-in family's children; only family accounts have them. */
export async function fetchChildren(): Promise<Child[]> {
  const { viewer } = await graphqlRequest<FamilyChildrenData>(childrenQuery);
  if (!viewer) throw new GraphQLRequestError('Not signed in', { codes: ['UNAUTHENTICATED'] });
  if (!viewer.family) throw new GraphQLRequestError('No family', { codes: ['FORBIDDEN'] });
  return viewer.family.children;
}

export async function addChild(input: {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}): Promise<UserError[]> {
  const { childAdd } = await graphqlRequest<{
    childAdd: { userErrors: UserError[]; child: { id: string } | null };
  }>(childAddMutation, input);
  return userErrorsOf('childAdd', childAdd, childAdd.child);
}

/** Each time someone outside the family looked at or changed a child's data, newest first. */
export async function fetchAccessLog(): Promise<AccessEvent[]> {
  const { childAccessLog } = await graphqlRequest<{ childAccessLog: AccessEvent[] }>(
    accessLogQuery,
  );
  return childAccessLog.toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** Everything Harbour holds about the family, as JSON text. */
export async function fetchFamilyDataExport(): Promise<string> {
  const { familyDataExport } = await graphqlRequest<{ familyDataExport: string }>(dataExportQuery);
  return familyDataExport;
}

/** An invitation just emailed: the address as the API stored it, and when the link stops working. */
export type InvitationSent = { email: string; expiresAt: string };

type InvitePayload = { userErrors: UserError[]; invitation: InvitationSent | null };

/** The invitation, or why it was not sent; a payload with neither is the API's fault. */
function invitationOrErrors(
  operation: string,
  { userErrors, invitation }: InvitePayload,
): { invitation: InvitationSent } | { userErrors: UserError[] } {
  if (userErrors.length > 0) return { userErrors };
  if (!invitation)
    throw new GraphQLRequestError(`${operation} returned neither an invitation nor userErrors`);
  return { invitation };
}

/** Emails another parent or carer a link to join the signed-in person's family. */
export async function inviteCarer(email: string) {
  const { familyCarerInvite } = await graphqlRequest<{ familyCarerInvite: InvitePayload }>(
    carerInviteMutation,
    { email },
  );
  return invitationOrErrors('familyCarerInvite', familyCarerInvite);
}

/** Emails a child of 16 or more a link to an account of their own. */
export async function inviteYoungPerson(input: { childId: string; email: string }) {
  const { childYoungPersonInvite } = await graphqlRequest<{
    childYoungPersonInvite: InvitePayload;
  }>(youngPersonInviteMutation, input);
  return invitationOrErrors('childYoungPersonInvite', childYoungPersonInvite);
}

/**
 * Deletes the family's personal data and ends every session of everyone in it, this one too.
 * `confirmation` must be ERASE.
 */
export async function requestFamilyErasure(confirmation: string): Promise<UserError[]> {
  const { familyErasureRequest } = await graphqlRequest<{
    familyErasureRequest: { userErrors: UserError[] };
  }>(erasureRequestMutation, { confirmation });
  return familyErasureRequest.userErrors;
}
