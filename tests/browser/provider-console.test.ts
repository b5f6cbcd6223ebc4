/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { totpCode } from '../../server/src/modules/accounts/totp';
import { ProviderProfileModel } from '../../server/src/modules/directory/directory.model';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

// This machine has no internet: every map tile is a transparent 1×1 PNG.
const blankTile = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function withBlankTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: blankTile }),
  );
}

/** Today in the UK, as the console writes dates: "25 November 2026". */
function londonToday(): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date());
}

const summaryRow = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row', {
    has: page.locator('.govuk-summary-list__key', { hasText: key }),
  });

it('a provider adds a location and a service, confirms its details and asks for a registration change that an admin approves', async () => {
  const url = journey.harbour.url;
  // Long ago, so that confirming the details visibly refreshes "last verified".
  await ProviderProfileModel.updateOne(
    { name: 'Sunrise Play (demo)' },
    { $set: { lastVerifiedAt: new Date('2025-01-15T12:00:00Z') } },
  );

  const { page, problems } = await openPage(journey.browser);
  await withBlankTiles(page);

  // Signing in from the console comes back to it.
  await page.goto(`${url}/providers/console`);
  await page.waitForURL(/\/sign-in\?returnTo=/);
  await page.getByLabel('Email address').fill('provider@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/providers/console`);
  await expectHeading(page, 'Sunrise Play (demo)');
  await expect(summaryRow(page, 'Verification').textContent()).resolves.toContain('Verified');
  await expect(summaryRow(page, 'Last verified').textContent()).resolves.toContain(
    '15 January 2025',
  );
  await page
    .locator('.govuk-service-navigation [aria-current="page"]')
    .getByText('Provider console')
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // A location: first nothing, to see the errors, then a pin typed as latitude and longitude.
  await page.getByRole('link', { name: 'Add a location' }).click();
  await expectHeading(page, 'Add a location');
  await page.locator('.leaflet-container').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Save location' }).click();
  const errorSummary = page.locator('.govuk-error-summary');
  await errorSummary.getByText('Enter location name').waitFor();
  await errorSummary.getByText('Enter a real postcode, like EX39 1AA').waitFor();
  await expect(page.title()).resolves.toMatch(/^Error: Add a location/);
  await expect(
    page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
  ).resolves.toBe(true);
  await page.locator('#name-error').getByText('Enter location name').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // The map takes one tab stop and lets focus go on: arrow keys move it, and a button pins its centre.
  await page.locator('.leaflet-container').focus();
  await page.keyboard.press('ArrowLeft');
  const centreButton = page.getByRole('button', { name: 'Put the pin at the centre of the map' });
  const isFocused = () => centreButton.evaluate((button) => button === document.activeElement);
  for (let tab = 0; tab < 6 && !(await isFocused()); tab++) await page.keyboard.press('Tab');
  await expect(isFocused()).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await page.getByText(/^The pin is at latitude /).waitFor();

  // Clicking the map moves the pin there, and the fields follow.
  const pinnedAtCentre = await page.getByLabel('Latitude').inputValue();
  expect(pinnedAtCentre).toMatch(/^\d+\.\d+$/);
  await page.locator('.leaflet-container').click({ position: { x: 60, y: 250 } });
  await page.waitForFunction(
    (before) => document.querySelector<HTMLInputElement>('#lat')?.value !== before,
    pinnedAtCentre,
  );

  await page.getByLabel('Name of the location').fill('Sunrise Torrington');
  await page.getByLabel('Building and street (optional)').fill('1 South Street');
  await page.getByLabel('Town or city (optional)').fill('Great Torrington');
  await page.getByLabel('Postcode').fill('ex38 8aa');
  await page.getByLabel('Step-free access').check();
  // The fields are the map's keyboard equivalent.
  await page.getByLabel('Latitude').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('50.95412');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('-4.14423');
  await page.getByText('The pin is at latitude 50.95412, longitude -4.14423.').waitFor();
  await page.getByRole('button', { name: 'Save location' }).click();
  await expectHeading(page, 'Sunrise Play (demo)');
  await page.getByText('Sunrise Torrington has been added').waitFor();
  // The success banner takes focus, so screen readers hear what happened.
  await expect(
    page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner')),
  ).resolves.toBe(true);
  const location = page.locator('.govuk-summary-card', {
    has: page.getByRole('heading', { name: 'Sunrise Torrington' }),
  });
  await expect(location.textContent()).resolves.toContain('EX38 8AA');
  await expect(location.textContent()).resolves.toContain('Step-free access');
  expect(await axeViolations(page)).toEqual([]);

  // A service at the new location, with two costs.
  await page.getByRole('link', { name: 'Add a service' }).click();
  await expectHeading(page, 'Add a service');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Name of the service').fill('Torrington Sensory Saturdays');
  await page.getByLabel('Inclusive community activity').check();
  await page.getByLabel('Sunrise Torrington').check();
  await page.getByLabel('Youngest age, in years').fill('6');
  await page.getByLabel('Oldest age, in years').fill('14');
  await page.getByLabel('Autism').check();
  await page.locator('#cost-0-label').fill('Morning session');
  await page.locator('#cost-0-amount').fill('12.50');
  await page.getByRole('button', { name: 'Add another cost' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cost-1-label');
  await page.keyboard.type('Full day');
  await page.locator('#cost-1-amount').fill('30');
  await page.locator('#cost-1-unit').selectOption('DAY');
  await page.getByLabel('Personal budget', { exact: true }).check();
  await page.getByLabel('Saturday').check();
  await page.getByLabel('Start time (optional)').fill('10:00');
  await page.getByLabel('Finishing time (optional)').fill('12:00');
  await page.getByRole('button', { name: 'Save service' }).click();
  await expectHeading(page, 'Sunrise Play (demo)');
  await page.getByText('Torrington Sensory Saturdays has been added').waitFor();
  const service = page.locator('.govuk-summary-card', {
    has: page.getByRole('heading', { name: 'Torrington Sensory Saturdays' }),
  });
  const serviceText = await service.textContent();
  expect(serviceText).toContain('6 to 14 years old');
  expect(serviceText).toContain('Morning session: £12.50 per session');
  expect(serviceText).toContain('Full day: £30.00 per day');
  expect(serviceText).toContain('Published');
  await expect(
    service
      .getByRole('link', { name: 'View public listing of Torrington Sensory Saturdays' })
      .getAttribute('href'),
  ).resolves.toMatch(/^\/services\//);
  expect(await axeViolations(page)).toEqual([]);

  // The service will offer 1:1 support from next September: a date that is not real first.
  const nextYear = String(Number(londonToday().slice(-4)) + 1);
  await service.getByRole('link', { name: /^Change/ }).click();
  await expectHeading(page, 'Change a service');
  await page.getByRole('button', { name: 'Add support from a date' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
    'upcomingRatio-0-ratio',
  );
  await page.getByLabel('Support ratio').selectOption({ label: '1:1 support' });
  const firstDay = page.getByRole('group', { name: 'First day it is offered' });
  await firstDay.getByLabel('Day').fill('31');
  await firstDay.getByLabel('Month').fill('9');
  await firstDay.getByLabel('Year').fill(nextYear);
  await page.getByRole('button', { name: 'Save service' }).click();
  const notRealDate = 'Start date of planned support 1 must be a real date';
  await expect(page.title()).resolves.toMatch(/^Error: Change a service/);
  await expect(
    errorSummary.getByRole('link', { name: notRealDate }).getAttribute('href'),
  ).resolves.toBe('#upcomingRatio-0-from-day');
  await page.locator('#upcomingRatio-0-from-error').getByText(notRealDate).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await firstDay.getByLabel('Day').fill('1');
  await page.getByRole('button', { name: 'Save service' }).click();
  await page.getByText('Your changes to Torrington Sensory Saturdays have been saved').waitFor();

  // It is kept: the form shows it again when the service is next changed.
  await service.getByRole('link', { name: /^Change/ }).click();
  await expectHeading(page, 'Change a service');
  await page.reload();
  await expectHeading(page, 'Change a service');
  await expect(page.getByLabel('Support ratio').inputValue()).resolves.toBe('ONE_TO_ONE');
  await expect(firstDay.getByLabel('Day').inputValue()).resolves.toBe('1');
  await expect(firstDay.getByLabel('Month').inputValue()).resolves.toBe('9');
  await expect(firstDay.getByLabel('Year').inputValue()).resolves.toBe(nextYear);
  expect(await axeViolations(page)).toEqual([]);

  // Families see it on the service's page.
  await page.goBack();
  await expectHeading(page, 'Sunrise Play (demo)');
  await service
    .getByRole('link', { name: 'View public listing of Torrington Sensory Saturdays' })
    .click();
  await expectHeading(page, 'Torrington Sensory Saturdays');
  await summaryRow(page, 'Support from a later date')
    .getByText(`1:1 support from September ${nextYear}`)
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.goBack();
  await expectHeading(page, 'Sunrise Play (demo)');

  // "These details are still correct" refreshes the date families see.
  await page.getByRole('button', { name: 'Confirm these details are still correct' }).click();
  await page.getByText('You confirmed your details are still correct on').waitFor();
  await summaryRow(page, 'Last verified').getByText(londonToday()).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // A registration change: the form's own checks first, then one sent for checking.
  await page.getByRole('link', { name: 'Request a registration change' }).click();
  await expectHeading(page, 'Request a registration change');
  await page.getByRole('button', { name: 'Send for checking' }).click();
  await errorSummary.getByText('Choose who is registered').waitFor();
  await errorSummary.getByText('Choose Ofsted or the Care Quality Commission').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Sunrise Play (demo), as a provider').check();
  await page.getByLabel('Ofsted').check();
  await page.getByLabel('Registration number').fill('SC123456');
  await page.getByLabel('Registration type').fill("Children's home");
  await page.getByLabel('Registered', { exact: true }).check();
  await page.getByLabel('Good', { exact: true }).check();
  await page.getByLabel('Day').fill('27');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Send for checking' }).click();
  await expectHeading(page, 'Sent for checking');
  await page.getByText('An administrator checks it against the register').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Go back to the provider console' }).click();
  await expectHeading(page, 'Sunrise Play (demo)');
  await page.getByRole('heading', { name: 'SC123456, Sunrise Play (demo)' }).waitFor();
  expect(problems).toEqual([]);

  // The administrator checks it against the register and approves it.
  const admin = await openPage(journey.browser);
  await admin.page.goto(`${url}/sign-in`);
  await admin.page.getByLabel('Email address').fill('admin@demo.harbour.test');
  await admin.page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await admin.page.getByRole('button', { name: 'Sign in' }).click();
  await admin.page.getByLabel('Enter your security code').fill(totpCode(DEMO_TOTP_SECRET));
  await admin.page.getByRole('button', { name: 'Continue' }).click();
  await admin.page.waitForURL(`${url}/admin/registrations`);
  await admin.page.getByRole('link', { name: 'Registrations' }).click();
  await expectHeading(admin.page, 'Registration changes to check');
  const request = admin.page.locator('.govuk-summary-card', {
    has: admin.page.getByRole('heading', { name: 'SC123456 for Sunrise Play (demo)' }),
  });
  await expect(request.textContent()).resolves.toContain("Children's home");
  expect(await axeViolations(admin.page)).toEqual([]);
  await request.getByRole('button', { name: 'Approve SC123456 for Sunrise Play (demo)' }).click();
  await admin.page.getByText('Approved: SC123456 for Sunrise Play (demo)').waitFor();
  await admin.page.getByText('No registration changes are waiting to be checked.').waitFor();
  expect(await axeViolations(admin.page)).toEqual([]);
  expect(admin.problems).toEqual([]);

  // The provider now has the registration, and nothing waiting.
  await page.reload();
  await expectHeading(page, 'Sunrise Play (demo)');
  await page.getByRole('cell', { name: 'SC123456' }).waitFor();
  await page.getByText('There are no registration changes waiting for checking.').waitFor();
});

it('an admin verifies a new provider organisation after looking at its details', async () => {
  const url = journey.harbour.url;
  const { page, problems } = await openPage(journey.browser);
  await page.goto(`${url}/sign-in?returnTo=/admin/providers`);
  await page.getByLabel('Email address').fill('admin@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The journey before may have spent this 30-second step's code; the next step's is accepted too.
  await page
    .getByLabel('Enter your security code')
    .fill(totpCode(DEMO_TOTP_SECRET, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${url}/admin/providers`);
  await expectHeading(page, 'Providers waiting for verification');
  await page.getByText('No organisations are waiting for verification.').waitFor();

  // A provider organisation as a newly invited provider would add it, through the session.
  const created = await page.request.post(`${url}/graphql`, {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    data: {
      query:
        'mutation { organisationCreate(input: { name: "Hollow Tree Play (test)", kind: PROVIDER }) { userErrors { message } } }',
    },
  });
  expect(await created.json()).toEqual({ data: { organisationCreate: { userErrors: [] } } });
  await page.reload();
  await expectHeading(page, 'Providers waiting for verification');
  await page.getByRole('link', { name: 'See details of Hollow Tree Play (test)' }).click();
  await expectHeading(page, 'Hollow Tree Play (test)');
  await expect(summaryRow(page, 'Verification').textContent()).resolves.toContain(
    'Waiting for verification',
  );
  await page
    .getByText('your services cannot be published until your organisation is verified', {
      exact: false,
    })
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await page.goBack();
  await expectHeading(page, 'Providers waiting for verification');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Verify Hollow Tree Play (test)' }).click();
  await page.getByText('Hollow Tree Play (test) has been verified').waitFor();
  await page.getByText('No organisations are waiting for verification.').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
