import { graphqlRequest } from '../api/graphql';
import { userErrorFields, userErrorsOf, type UserError } from '../api/userErrors';

export type InvitationKind = 'CARER' | 'YOUNG_PERSON' | 'STAFF' | 'COMMISSIONER';

/** What an emailed invitation is for, as its holder sees it before accepting. */
export type Invitation = {
  kind: InvitationKind;
  email: string;
  inviterName: string;
  organisationName: string | null;
  /** COMMISSIONER invitations: the key to add to an authenticator app before accepting. */
  totpSecret: string | null;
  totpUri: string | null;
  expiresAt: string;
};

const invitationQuery = /* GraphQL */ `
  query Invitation($token: String!) {
    invitation(token: $token) {
      kind
      email
      inviterName
      organisationName
      totpSecret
      totpUri
      expiresAt
    }
  }
`;

const invitationAcceptMutation = /* GraphQL */ `
  mutation InvitationAccept(
    $token: String!
    $displayName: String
    $password: String
    $totp: String
  ) {
    invitationAccept(
      input: { token: $token, displayName: $displayName, password: $password, totp: $totp }
    ) {
      ${userErrorFields}
      account {
        id
      }
    }
  }
`;

/** The invitation the token in the link stands for, or null when it has expired or been used. */
export async function fetchInvitation(token: string): Promise<Invitation | null> {
  const { invitation } = await graphqlRequest<{ invitation: Invitation | null }>(invitationQuery, {
    token,
  });
  return invitation;
}

/**
 * Accepts an invitation: with a name and password (and, for commissioners, a security code) as
 * a new account, or with the token alone as the family account already signed in.
 */
export async function acceptInvitation(input: {
  token: string;
  displayName?: string;
  password?: string;
  totp?: string | null;
}): Promise<UserError[]> {
  const { invitationAccept } = await graphqlRequest<{
    invitationAccept: { userErrors: UserError[]; account: { id: string } | null };
  }>(invitationAcceptMutation, input);
  return userErrorsOf('invitationAccept', invitationAccept, invitationAccept.account);
}
