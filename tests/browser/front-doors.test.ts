import { totpCode } from '../../server/src/modules/accounts/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../support/accounts';
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
