import { graphqlRequest } from '../api/graphql';

export type Role = 'FAMILY' | 'YOUNG_PERSON' | 'PROVIDER' | 'COMMISSIONER' | 'ADMIN';

/** The signed-in person, as the shell and the pages need them. */
export type Viewer = {
  id: string;
  displayName: string;
  role: Role;
  email: string;
  emailVerified: boolean;
  /** Where texts go, as people write it; family accounts only. */
  mobile: string | null;
  family: { id: string; children: { id: string; firstName: string }[] } | null;
};

const viewerQuery = /* GraphQL */ `
  query Viewer {
    viewer {
      id
      displayName
      role
      email
      emailVerified
      mobile
      family {
        id
        children {
          id
          firstName
        }
      }
    }
  }
`;

/** The signed-in person, or null when nobody is. */
export async function fetchViewer(): Promise<Viewer | null> {
  const { viewer } = await graphqlRequest<{ viewer: Viewer | null }>(viewerQuery);
  return viewer;
}

/** Parents, carers and young people share the family pages. */
export function isFamilyRole(role: Role): boolean {
  return role === 'FAMILY' || role === 'YOUNG_PERSON';
}

/** Where each kind of account starts after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case 'FAMILY':
    case 'YOUNG_PERSON':
      return '/family';
    case 'PROVIDER':
      return '/providers/console';
    case 'COMMISSIONER':
      return '/commissioners';
    case 'ADMIN':
      return '/admin/registrations';
  }
}

export const roleNames: Record<Role, string> = {
  FAMILY: 'Parent or carer',
  YOUNG_PERSON: 'Young person',
  PROVIDER: 'Short breaks provider',
  COMMISSIONER: 'Commissioner',
  ADMIN: 'Administrator',
};

/** The sign-in page, set to come back to `returnTo` afterwards. */
export function signInPath(returnTo: string): string {
  return `/sign-in?${new URLSearchParams({ returnTo })}`;
}

/**
 * A "return to" path from the address bar, if it is a path on this site. Anything else, such
 * as `//elsewhere.example` or a full URL, is ignored so that sign-in cannot send people away.
 */
export function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  return value;
}
