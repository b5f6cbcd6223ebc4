import { GraphQLRequestError, graphqlRequest } from '../../api/graphql';
import type { UserError } from '../../api/userErrors';

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
      userErrors {
        field
        message
        code
      }
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

const dataExportQuery = /* GraphQL */ `
  query FamilyDataExport {
    familyDataExport
  }
`;

type FamilyChildrenData = {
  viewer: { id: string; family: { id: string; children: Child[] } | null } | null;
};

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
  if (childAdd.userErrors.length === 0 && !childAdd.child) {
    throw new GraphQLRequestError('childAdd returned neither a child nor userErrors');
  }
  return childAdd.userErrors;
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
