import { RecordedMessageModel } from '../../server/src/modules/outbox/message.model';
import { totpCode } from '../../server/src/modules/accounts/totp';
import type { TestHarbour } from './harbour';

export const DEMO_PASSWORD = 'harbour-demo-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** Runs the outbox jobs, then returns the newest email recorded for `to`. */
export async function latestEmail(harbour: TestHarbour, to: string) {
  await harbour.harbour.worker.drain();
  const message = await RecordedMessageModel.findOne({ to })
    .sort({ createdAt: -1, _id: -1 })
    .lean();
  if (!message) throw new Error(`no email was sent to ${to}`);
  return message;
}

/** The token of the first Harbour link with `path` in an email body. */
export function linkToken(body: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(body);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${body}`);
  return match[1];
}

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: AccountSignInInput!) {
    accountSignIn(input: $input) {
      userErrors {
        field
        message
        code
      }
      account {
        id
        role
      }
      token
    }
  }
`;

export interface SignInPayload {
  accountSignIn: {
    userErrors: { field: string[] | null; message: string; code: string }[];
    account: { id: string; role: string } | null;
    token: string | null;
  };
}

export function signInRequest(
  harbour: TestHarbour,
  email: string,
  password: string,
  totp?: string,
) {
  return harbour.graphql<SignInPayload>(SIGN_IN, { input: { email, password, totp } });
}

/** Signs in and returns the headers an API client sends afterwards. */
export async function signIn(
  harbour: TestHarbour,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret?: string,
) {
  const totp = totpSecret ? totpCode(totpSecret) : undefined;
  const { body } = await signInRequest(harbour, email, password, totp);
  const token = body.data?.accountSignIn.token;
  if (!token) throw new Error(`could not sign in as ${email}: ${JSON.stringify(body)}`);
  return {
    authorization: `Bearer ${token}`,
    accountId: body.data!.accountSignIn.account!.id,
    token,
  };
}

/** Signs up a family, confirms the email from the recorded message, and signs in. */
export async function signUpFamily(
  harbour: TestHarbour,
  email: string,
  displayName = 'Test Parent',
) {
  const password = 'kettle harbour violet';
  const signUp = await harbour.graphql<{ accountSignUp: { userErrors: unknown[] } }>(
    'mutation($input: AccountSignUpInput!) { accountSignUp(input: $input) { userErrors { message } } }',
    { input: { email, password, displayName } },
  );
  if (signUp.body.data?.accountSignUp.userErrors.length)
    throw new Error(JSON.stringify(signUp.body));
  const token = linkToken((await latestEmail(harbour, email)).body, '/verify-email');
  await harbour.graphql(
    'mutation($t: String!) { accountEmailVerify(input: { token: $t }) { userErrors { message } } }',
    {
      t: token,
    },
  );
  return { ...(await signIn(harbour, email, password)), password };
}

/** Demo accounts' sign-ins, with TOTP for the commissioner and admin. */
export async function signInDemo(harbour: TestHarbour) {
  return {
    parent: await signIn(harbour, 'parent@demo.harbour.test'),
    parent2: await signIn(harbour, 'parent2@demo.harbour.test'),
    provider: await signIn(harbour, 'provider@demo.harbour.test'),
    commissioner: await signIn(
      harbour,
      'commissioner@demo.harbour.test',
      DEMO_PASSWORD,
      DEMO_TOTP_SECRET,
    ),
    admin: await signIn(harbour, 'admin@demo.harbour.test', DEMO_PASSWORD, DEMO_TOTP_SECRET),
  };
}
