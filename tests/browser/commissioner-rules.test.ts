/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { totpCode } from '../../server/src/modules/accounts/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

const summaryRow = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row', {
    has: page.locator('.govuk-summary-list__key', { hasText: key }),
  });

const contradiction =
  'Universal+ (tier 2), age rule: The age range 18–17 is empty: the lowest age must not be above the highest';

it('a commissioner drafts a change to the rules, is stopped by a contradiction, fixes it, previews who it affects and publishes version 2', async () => {
  const url = journey.harbour.url;
  // A family's check without an account, so that the anonymous counts have something to show.
  const check = await journey.harbour.graphql<{
    eligibilityCheckSubmit: { userErrors: unknown[] };
  }>(
    `mutation {
      eligibilityCheckSubmit(input: {
        dateOfBirth: "2016-05-01", homePostcode: "EX4 3SR", needs: ["AUTISM"],
        diagnosis: DIAGNOSED, ehcPlan: NO, socialCareAssessment: NONE
      }) { userErrors { message } }
    }`,
  );
  expect(check.body.data?.eligibilityCheckSubmit.userErrors).toEqual([]);

  const { page, problems } = await openPage(journey.browser);
  await page.goto(`${url}/sign-in?returnTo=/commissioners`);
  await page.getByLabel('Email address').fill('commissioner@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Enter your security code').fill(totpCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${url}/commissioners`);

  // The rules in force, with their tiers in words, and what families checked anonymously.
  await page.locator('main').getByRole('link', { name: 'Eligibility rules' }).click();
  await expectHeading(page, 'Eligibility rules');
  await expect(summaryRow(page, 'Version').first().textContent()).resolves.toContain('1');
  await expect(summaryRow(page, 'Name').first().textContent()).resolves.toContain(
    'Devon short breaks statement',
  );
  const universalPlus = page.locator('.govuk-summary-card', {
    has: page.getByRole('heading', { name: 'Tier 2: Universal+' }),
  });
  await expect(universalPlus.textContent()).resolves.toContain('Aged 0 to 17');
  await page.getByText('1 check has been made.').waitFor();
  await page
    .getByRole('table', { name: 'Checks by district' })
    .getByRole('row', { name: 'Exeter 1' })
    .waitFor();
  await page.getByRole('table', { name: 'Outcomes by tier' }).getByRole('row').nth(4).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // A new draft starts as a copy of version 1.
  await page.getByRole('button', { name: 'Start a new draft from version 1' }).click();
  await expectHeading(page, 'Draft: Devon short breaks statement');
  await expect(summaryRow(page, 'Started from').textContent()).resolves.toContain('Version 1');
  const draftUrl = page.url();
  expect(await page.locator('.govuk-error-summary').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  // The form saves a contradictory age range; the draft lists it as a problem.
  await page.getByRole('link', { name: 'Change Tier 2: Universal+' }).click();
  await expectHeading(page, 'Change Universal+');
  const ageRule = page.getByLabel('Age', { exact: true });
  await expect(ageRule.isChecked()).resolves.toBe(true);
  // Each rule the tier has is set under its own checkbox.
  const ageRuleFields = page.locator(`#${await ageRule.getAttribute('aria-controls')}`);
  await ageRuleFields.getByLabel('Youngest age, in whole years').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Youngest age, in whole years').fill('18');
  await page.getByLabel('Oldest age, in whole years').fill('17');
  await page.getByRole('button', { name: 'Save tier' }).click();
  await expectHeading(page, 'Draft: Devon short breaks statement');
  await page
    .getByText(
      'Universal+ has been saved. This draft has 1 problem to fix before it can be published.',
    )
    .waitFor();
  const problemSummary = page.locator('.govuk-error-summary');
  await problemSummary.getByRole('link', { name: contradiction }).waitFor();
  await expect(universalPlus.textContent()).resolves.toContain('Aged 18 to 17');
  expect(await axeViolations(page)).toEqual([]);

  // Publishing refuses it, with the same problem in words.
  await page.getByRole('link', { name: 'Preview changes' }).click();
  await expectHeading(page, 'What publishing this would change');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Publish as version 2' }).click();
  await problemSummary.getByText('The rules have not been published').waitFor();
  await problemSummary.getByRole('link', { name: contradiction }).waitFor();
  await expect(page.title()).resolves.toMatch(/^Error: /);
  await expect(
    page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
  ).resolves.toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  // The problem links to the tier, where the oldest age carries it too.
  await problemSummary.getByRole('link', { name: contradiction }).click();
  await expectHeading(page, 'Change Universal+');
  await page
    .locator('#age-to-error')
    .getByText('The age range 18–17 is empty', { exact: false })
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Youngest age, in whole years').fill('0');
  await page.getByLabel('Oldest age, in whole years').fill('25');
  await page.getByRole('button', { name: 'Save tier' }).click();
  await expectHeading(page, 'Draft: Devon short breaks statement');
  await page.getByText('Universal+ has been saved', { exact: true }).waitFor();
  expect(await page.locator('.govuk-error-summary').count()).toBe(0);
  await expect(universalPlus.textContent()).resolves.toContain('Aged 0 to 25');
  expect(await axeViolations(page)).toEqual([]);

  // Jordan, 19, becomes eligible for Universal+: one child of the demo's four, so the count
  // shows as "Fewer than 5", as every count under 5 does.
  await page.getByRole('link', { name: 'Preview changes' }).click();
  await expectHeading(page, 'What publishing this would change');
  await expect(
    summaryRow(page, 'Children whose outcome changes').locator('dd').textContent(),
  ).resolves.toContain('Fewer than 5');
  const universalPlusCounts = page.getByRole('table', { name: 'Universal+' });
  const eligible = await universalPlusCounts
    .getByRole('row', { name: /^Eligible/ })
    .getByRole('cell')
    .allTextContents();
  expect(eligible).toEqual(['Fewer than 5', 'Fewer than 5']);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Publish as version 2' }).click();
  await expectHeading(page, 'Version 2 published');
  await page
    .getByText('Every eligibility check families make uses version 2 from now on')
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // Version 2 is in force; version 1 is a previous version, and the draft is gone.
  await page.getByRole('link', { name: 'Go back to eligibility rules' }).click();
  await expectHeading(page, 'Eligibility rules');
  await expect(summaryRow(page, 'Version').first().textContent()).resolves.toContain('2');
  await expect(universalPlus.textContent()).resolves.toContain('Aged 0 to 25');
  await page
    .getByRole('table', { name: 'Previous versions' })
    .getByRole('cell', { name: 'Devon short breaks statement' })
    .waitFor();
  await page.getByText('There are no drafts.').waitFor();
  await page.getByRole('button', { name: 'Start a new draft from version 2' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // The published draft's page says what it became, and offers no more changes or publishing.
  await page.goto(draftUrl);
  await expectHeading(page, 'Draft: Devon short breaks statement');
  await page
    .getByRole('region', { name: 'Important' })
    .getByText('This draft was published as version 2', { exact: false })
    .waitFor();
  await expect(
    page
      .locator('main')
      .getByRole('link', { name: /^(Change|Remove|Preview)/ })
      .count(),
  ).resolves.toBe(0);
  await expect(page.locator('main').getByRole('button').count()).resolves.toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(`${draftUrl}/preview`);
  await expectHeading(page, 'This draft cannot be changed any more');
  await expect(page.getByRole('button', { name: /Publish/ }).count()).resolves.toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
