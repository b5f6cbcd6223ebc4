import { totpCode } from '../../server/src/modules/accounts/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, latestEmail, linkToken } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

it('the home and provider pages say what Harbour does today and lead providers to their console', async () => {
  const url = journey.harbour.url;
  const { page, problems } = await openPage(journey.browser);

  await page.goto(url);
  await expectHeading(
    page,
    'Short breaks and activities for disabled children and young people in Devon',
  );
  await expect(page.locator('main').textContent()).resolves.toContain(
    'Booking and paying from a budget are coming next.',
  );
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Providers' }).first().click();
  await expectHeading(page, 'Offer short breaks');
  const providers = (await page.locator('main').textContent()) ?? '';
  expect(providers).not.toContain('We are still building these tools');
  expect(providers).toContain('In the provider console you can describe your organisation');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Sign in to the provider console' }).click();
  await page.getByLabel('Email address').fill('provider@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'));
  await page.goto(`${url}/providers`);
  await page.getByRole('link', { name: 'Go to the provider console' }).click();
  await expectHeading(page, 'Sunrise Play (demo)');
  expect(problems).toEqual([]);
});

it('/admin answers with the administrators’ pages', async () => {
  const url = journey.harbour.url;
  const { page, problems } = await openPage(journey.browser);
  await page.goto(`${url}/admin`);
  await page.waitForURL(/\/sign-in\?returnTo=/);
  await page.getByLabel('Email address').fill('admin@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Enter your security code').fill(totpCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${url}/admin`);
  await expectHeading(page, 'Administration');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Providers waiting for verification' }).click();
  await expectHeading(page, 'Providers waiting for verification');
  expect(problems).toEqual([]);
});

it('a provider registers its organisation, confirms its email and finds it waiting for verification', async () => {
  const url = journey.harbour.url;
  const { page, problems } = await openPage(journey.browser);
  await page.goto(`${url}/providers`);
  await page.getByRole('link', { name: 'Register your organisation' }).click();
  await expectHeading(page, 'Register your organisation');

  // Nothing filled in: each question says what is missing.
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('link', { name: 'Enter your organisation’s name' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  const email = 'manager@tidepool.example';
  await page.getByLabel('Organisation name').fill('Tidepool Play');
  await page.getByLabel('Your name').fill('Alex Manager');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Create a password').fill('kettle harbour violet');
  await page.getByLabel('Confirm your password').fill('kettle harbour violet');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectHeading(page, 'Check your email');

  const token = linkToken((await latestEmail(journey.harbour, email)).body, '/verify-email');
  await page.goto(`${url}/verify-email?token=${token}`);
  await expectHeading(page, 'Email address confirmed');

  await page.goto(`${url}/providers/console`);
  await page.waitForURL(/\/sign-in\?returnTo=/);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('kettle harbour violet');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Tidepool Play');
  await expect(page.locator('main').textContent()).resolves.toContain('Waiting for verification');
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
