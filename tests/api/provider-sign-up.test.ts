import { AccountModel } from '../../server/src/modules/accounts/account.model';
import { OrganisationModel } from '../../server/src/modules/organisations/organisation.model';
import { DEMO_TOTP_SECRET, latestEmail, linkToken, signIn } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
});

afterAll(async () => {
  await harbour.stop();
});

const PROVIDER_SIGN_UP =
  'mutation($input: AccountProviderSignUpInput!) { accountProviderSignUp(input: $input) { userErrors { field message } } }';
const password = 'kettle harbour violet';

it('a provider signs up with its organisation, which waits for an admin to verify it', async () => {
  const email = 'manager@tidepool.example';
  const answer = await harbour.graphql(PROVIDER_SIGN_UP, {
    input: { email, password, displayName: 'Alex Manager', organisationName: 'Tidepool Play' },
  });
  expect(answer.body).toEqual({ data: { accountProviderSignUp: { userErrors: [] } } });

  const token = linkToken((await latestEmail(harbour, email)).body, '/verify-email');
  await harbour.graphql(
    'mutation($t: String!) { accountEmailVerify(input: { token: $t }) { userErrors { message } } }',
    { t: token },
  );
  const provider = await signIn(harbour, email, password);
  const viewer = await harbour.graphql<{
    viewer: {
      role: string;
      organisations: { role: string; organisation: { name: string; verificationStatus: string } }[];
    };
  }>(
    '{ viewer { role organisations { role organisation { name verificationStatus } } } }',
    {},
    { authorization: provider.authorization },
  );
  expect(viewer.body.data!.viewer).toEqual({
    role: 'PROVIDER',
    organisations: [
      { role: 'OWNER', organisation: { name: 'Tidepool Play', verificationStatus: 'UNVERIFIED' } },
    ],
  });

  // The admin sees it waiting.
  const admin = await signIn(harbour, 'admin@demo.harbour.test', undefined, DEMO_TOTP_SECRET);
  const waiting = await harbour.graphql<{ organisations: { name: string }[] }>(
    '{ organisations(verificationStatus: UNVERIFIED) { name } }',
    {},
    { authorization: admin.authorization },
  );
  expect(waiting.body.data!.organisations.map(({ name }) => name)).toContain('Tidepool Play');
});

it('answers the same for an address that has an account, and makes no organisation for it', async () => {
  const answer = await harbour.graphql(PROVIDER_SIGN_UP, {
    input: {
      email: 'parent@demo.harbour.test',
      password,
      displayName: 'Someone Else',
      organisationName: 'Not Made Ltd',
    },
  });
  expect(answer.body).toEqual({ data: { accountProviderSignUp: { userErrors: [] } } });
  expect(await OrganisationModel.countDocuments({ name: 'Not Made Ltd' })).toBe(0);
  expect((await latestEmail(harbour, 'parent@demo.harbour.test')).body).toContain('/sign-in');
  expect(await AccountModel.countDocuments({ email: 'parent@demo.harbour.test' })).toBe(1);
});

it('names each missing answer', async () => {
  const answer = await harbour.graphql<{
    accountProviderSignUp: { userErrors: { field: string[]; message: string }[] };
  }>(PROVIDER_SIGN_UP, {
    input: { email: 'new@tidepool.example', password, displayName: 'Alex', organisationName: ' ' },
  });
  expect(answer.body.data!.accountProviderSignUp.userErrors).toEqual([
    expect.objectContaining({ field: ['input', 'organisationName'] }),
  ]);
  expect(await AccountModel.countDocuments({ email: 'new@tidepool.example' })).toBe(0);
});
