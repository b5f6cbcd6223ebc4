/// <reference lib="dom" />
import { totpCode } from '../../server/src/modules/accounts/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, latestEmail, linkToken } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

it('a parent signs up, confirms by the emailed link, signs in, adds a child and sees who has looked', async () => {
  const { page, problems } = await openPage(journey.browser);
  const url = journey.harbour.url;
  const email = 'browser.parent@example.com';
  const password = 'copper meadow lantern';

  await page.goto(`${url}/families`);
  await page.getByRole('link', { name: 'Create account' }).click();
  await expectHeading(page, 'Create a family account');
  expect(await axeViolations(page)).toEqual([]);

  // A mistake first: the error summary takes focus and names the field.
  await page.getByLabel('Your name').fill('Browser Parent');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Create a password', { exact: true }).fill(password);
  await page.getByLabel('Confirm your password').fill('something else entirely');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
    'Passwords do not match',
  );
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Confirm your password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectHeading(page, 'Check your email');
  expect(await axeViolations(page)).toEqual([]);

  const token = linkToken((await latestEmail(journey.harbour, email)).body, '/verify-email');
  await page.goto(`${url}/verify-email?token=${token}`);
  await expectHeading(page, 'Email address confirmed');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/family`);
  await expectHeading(page, 'Your family');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill('Browser');
  await page.getByLabel('Day').fill('12');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('2016');
  await page.getByRole('button', { name: 'Add child' }).click();
  await page.locator('main').getByText('Robin', { exact: false }).first().waitFor();

  await page.getByRole('link', { name: /Who has seen your family/ }).click();
  await page.getByText('No one outside your family has looked at your information.').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('a parent sees which provider looked at their child, when and why, in a table', async () => {
  const { page } = await openPage(journey.browser);
  const url = journey.harbour.url;
  await page.goto(`${url}/sign-in?returnTo=/account/access-log`);
  await page.getByLabel('Email address').fill('parent@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/account/access-log`);
  // Newest first: the provider's look at Sam's profile, beside the council's budget entries.
  const row = page.locator('tbody tr', { hasText: 'Jo Provider (demo), Sunrise Play (demo)' });
  await row.first().waitFor();
  await expect(row.first().textContent()).resolves.toContain('Sam');
  expect(await axeViolations(page)).toEqual([]);
});

it('a parent adds a mobile number for texts, corrected after a landline is refused', async () => {
  const { page, problems } = await openPage(journey.browser);
  const url = journey.harbour.url;
  await page.goto(`${url}/sign-in?returnTo=/account`);
  await page.getByLabel('Email address').fill('parent@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Your account');
  await page.getByText('None: we only email you').waitFor();

  await page.getByRole('link', { name: /Add.*mobile number/i }).click();
  await expectHeading(page, 'Mobile number for texts');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Mobile number for texts').fill('01392 123456');
  await page.keyboard.press('Enter');
  await expect(page.locator('.govuk-error-summary').textContent()).resolves.toMatch(/mobile/i);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Mobile number for texts').fill('07700900123');
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Your account');
  await page.getByText('We will text this number as well as emailing you').waitFor();
  await page.getByText('07700 900123').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('a commissioner is asked for an authenticator code after the password', async () => {
  const { page } = await openPage(journey.browser);
  const url = journey.harbour.url;
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email address').fill('commissioner@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Enter your security code').fill(totpCode(DEMO_TOTP_SECRET));
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${url}/commissioners`);
  await page.locator('.govuk-service-navigation').getByText('Commissioning').waitFor();
});

it('sends someone who is signed out to sign in, and back afterwards', async () => {
  const { page } = await openPage(journey.browser);
  await page.goto(`${journey.harbour.url}/family`);
  await page.waitForURL(/\/sign-in\?returnTo=/);
  await expectHeading(page, 'Sign in');
});
