import { AccountModel } from '../../server/src/modules/accounts/account.model';
import { OutboxMessageModel } from '../../server/src/modules/outbox/message.model';
import { RESET_LIMITS } from '../../server/src/modules/accounts/accounts.rules';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

// Its own server: the limit per network address needs requests from addresses other than
// 127.0.0.1, so this one trusts the loopback proxy's X-Forwarded-For.
let harbour: TestHarbour;

beforeAll(async () => {
  harbour = await startTestHarbour({ TRUST_PROXY: 'loopback' });
});

afterAll(async () => {
  await harbour.stop();
});

const SIGN_UP =
  'mutation($input: AccountSignUpInput!) { accountSignUp(input: $input) { userErrors { message } } }';
const RESET_REQUEST =
  'mutation($e: String!) { accountPasswordResetRequest(input: { email: $e }) { userErrors { message } } }';

const resetFrom = (networkAddress: string, email: string) =>
  harbour.graphql(RESET_REQUEST, { e: email }, { 'x-forwarded-for': networkAddress });

// Only the clock is faked: the server, the database driver and the worker keep real timers.
const REAL_TIMERS: NonNullable<
  Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake']
> = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];

const resetEmails = () => OutboxMessageModel.countDocuments({ template: 'PASSWORD_RESET' });

it('limits reset emails per network address across many accounts, answering each request alike', async () => {
  const cap = RESET_LIMITS.perNetworkAddressPerHour;
  const emails = Array.from({ length: cap + 2 }, (_, i) => `family.${i}@example.com`);
  for (const email of emails) {
    const signUp = await harbour.graphql(SIGN_UP, {
      input: { email, password: 'kettle harbour violet', displayName: 'A Parent' },
    });
    expect(signUp.body.data).toEqual({ accountSignUp: { userErrors: [] } });
  }
  expect(await AccountModel.countDocuments({ email: { $in: emails } })).toBe(cap + 2);

  const answers = [];
  for (const email of emails.slice(0, cap + 1)) {
    answers.push((await resetFrom('203.0.113.7', email)).body);
  }
  expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  expect(answers[0]).toEqual({ data: { accountPasswordResetRequest: { userErrors: [] } } });
  await harbour.harbour.worker.drain();
  expect(await resetEmails()).toBe(cap);

  // Another network address is not held back by the first one's limit.
  await resetFrom('198.51.100.2', emails[cap + 1]!);
  await harbour.harbour.worker.drain();
  expect(await resetEmails()).toBe(cap + 1);
});

it('caps emails per account per day, whatever network address asks', async () => {
  const email = 'daily.cap@example.com';
  await harbour.graphql(SIGN_UP, {
    input: { email, password: 'kettle harbour violet', displayName: 'A Parent' },
  });
  // Each request from a new network address, so only the account's own limits apply, and
  // each in the next gap window: only the clock (Date) is stepped, timers run as usual.
  // Yesterday morning, so the jobs queued then are due when the real clock is back.
  const morning = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 15 * 60 * 60_000;
  jest.useFakeTimers({ doNotFake: REAL_TIMERS, now: morning });
  try {
    for (let i = 0; i < RESET_LIMITS.perAddressPerDay + 2; i += 1) {
      jest.setSystemTime(morning + i * RESET_LIMITS.gapMs);
      await resetFrom(`192.0.2.${i + 1}`, email);
    }
  } finally {
    jest.useRealTimers();
  }
  await harbour.harbour.worker.drain();
  expect(await OutboxMessageModel.countDocuments({ to: email, template: 'PASSWORD_RESET' })).toBe(
    RESET_LIMITS.perAddressPerDay,
  );
});
