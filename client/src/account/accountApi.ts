import { graphqlRequest } from '../api/graphql';
import { userErrorFields, userErrorsOf, type UserError } from '../api/userErrors';

// Each input is written out field by field, so these documents depend only on the field names
// in the API contract, not on what the server calls its input types.

const signUpMutation = /* GraphQL */ `
  mutation AccountSignUp($email: String!, $password: String!, $displayName: String!) {
    accountSignUp(input: { email: $email, password: $password, displayName: $displayName }) {
      ${userErrorFields}
    }
  }
`;

const providerSignUpMutation = /* GraphQL */ `
  mutation AccountProviderSignUp(
    $email: String!
    $password: String!
    $displayName: String!
    $organisationName: String!
  ) {
    accountProviderSignUp(
      input: {
        email: $email
        password: $password
        displayName: $displayName
        organisationName: $organisationName
      }
    ) {
      ${userErrorFields}
    }
  }
`;

const emailVerifyMutation = /* GraphQL */ `
  mutation AccountEmailVerify($token: String!) {
    accountEmailVerify(input: { token: $token }) {
      ${userErrorFields}
      account {
        id
      }
    }
  }
`;

const signInMutation = /* GraphQL */ `
  mutation AccountSignIn($email: String!, $password: String!, $totp: String) {
    accountSignIn(input: { email: $email, password: $password, totp: $totp }) {
      ${userErrorFields}
      account {
        id
      }
    }
  }
`;

const signOutMutation = /* GraphQL */ `
  mutation AccountSignOut {
    accountSignOut {
      ${userErrorFields}
    }
  }
`;

const signOutEverywhereMutation = /* GraphQL */ `
  mutation AccountSignOutEverywhere {
    accountSignOutEverywhere {
      ${userErrorFields}
    }
  }
`;

const mobileSetMutation = /* GraphQL */ `
  mutation AccountMobileSet($mobile: String!) {
    accountMobileSet(input: { mobile: $mobile }) {
      ${userErrorFields}
    }
  }
`;

const passwordResetRequestMutation = /* GraphQL */ `
  mutation AccountPasswordResetRequest($email: String!) {
    accountPasswordResetRequest(input: { email: $email }) {
      ${userErrorFields}
    }
  }
`;

const passwordResetMutation = /* GraphQL */ `
  mutation AccountPasswordReset($token: String!, $password: String!) {
    accountPasswordReset(input: { token: $token, password: $password }) {
      ${userErrorFields}
      account {
        id
      }
    }
  }
`;

type Payload = { userErrors: UserError[] };
type AccountPayload = Payload & { account: { id: string } | null };

/** Asks for a family account. It answers the same whether or not the address is registered. */
export async function signUp(input: {
  email: string;
  password: string;
  displayName: string;
}): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountSignUp: Payload }>(signUpMutation, input);
  return data.accountSignUp.userErrors;
}

/** A provider's account and its organisation, which Harbour verifies before families see it. */
export async function providerSignUp(input: {
  email: string;
  password: string;
  displayName: string;
  organisationName: string;
}): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountProviderSignUp: Payload }>(
    providerSignUpMutation,
    input,
  );
  return data.accountProviderSignUp.userErrors;
}

export async function verifyEmail(token: string): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountEmailVerify: AccountPayload }>(emailVerifyMutation, {
    token,
  });
  return userErrorsOf(
    'accountEmailVerify',
    data.accountEmailVerify,
    data.accountEmailVerify.account,
  );
}

/** Starts a session (the server sets its cookie); the userErrors say why it could not. */
export async function signIn(input: {
  email: string;
  password: string;
  totp: string | null;
}): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountSignIn: AccountPayload }>(signInMutation, input);
  return userErrorsOf('accountSignIn', data.accountSignIn, data.accountSignIn.account);
}

/** Ends this session, or with `everywhere` every session the account has. */
export async function signOut({ everywhere }: { everywhere: boolean }): Promise<UserError[]> {
  if (everywhere) {
    const data = await graphqlRequest<{ accountSignOutEverywhere: Payload }>(
      signOutEverywhereMutation,
    );
    return data.accountSignOutEverywhere.userErrors;
  }
  const data = await graphqlRequest<{ accountSignOut: Payload }>(signOutMutation);
  return data.accountSignOut.userErrors;
}

/** Sends a reset link if the address has an account; answers the same either way. */
/** Sets the mobile number texts go to; an empty answer stops texts. */
export async function setMobile(mobile: string): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountMobileSet: Payload }>(mobileSetMutation, { mobile });
  return data.accountMobileSet.userErrors;
}

export async function requestPasswordReset(email: string): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountPasswordResetRequest: Payload }>(
    passwordResetRequestMutation,
    { email },
  );
  return data.accountPasswordResetRequest.userErrors;
}

export async function resetPassword(input: {
  token: string;
  password: string;
}): Promise<UserError[]> {
  const data = await graphqlRequest<{ accountPasswordReset: AccountPayload }>(
    passwordResetMutation,
    input,
  );
  return userErrorsOf(
    'accountPasswordReset',
    data.accountPasswordReset,
    data.accountPasswordReset.account,
  );
}
