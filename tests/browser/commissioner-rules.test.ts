/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { DEMO_TOTP_SECRET } from '../support/accounts';
import {
  axeViolations,
  expectHeading,
  openPage,
  signInThroughPage,
  useBrowserJourney,
} from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

const summaryRow = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row', {
    has: page.locator('.govuk-summary-list__key', { hasText: key }),
  });

const contradiction =
  'Universal+ (tier 2), age rule: The age range 18–17 is empty: the lowest age must not be above the highest';

// The commissioner signs in once (a security code works once); each journey carries on from there.
let commissioner: { page: Page; problems: string[] };

beforeAll(async () => {
  commissioner = await openPage(journey.browser);
  const { page } = commissioner;
  await signInThroughPage(
    page,
    journey.harbour.url,
    'commissioner@demo.harbour.test',
    '/commissioners',
    DEMO_TOTP_SECRET,
  );
});

/** Another tab in the same session, as a colleague working on the rules at the same time. */
async function otherTab({ page, problems }: typeof commissioner): Promise<Page> {
  const tab = await page.context().newPage();
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  return tab;
}

async function startDraftFromVersionInForce(page: Page): Promise<number> {
  await page.goto(`${journey.harbour.url}/commissioners/eligibility`);
  await expectHeading(page, 'Eligibility rules');
  const start = page.getByRole('button', { name: /^Start a new draft from version \d+$/ });
  const version = Number(/\d+$/.exec((await start.textContent()) ?? '')?.[0]);
  await start.click();
  await expectHeading(page, 'Draft: Devon short breaks statement');
  return version;
}

const tierTitles = (page: Page) =>
  page.locator('.govuk-summary-card__title', { hasText: /^Tier \d/ }).allTextContents();

it('a commissioner drafts a change to the rules, is stopped by a contradiction, fixes it, previews who it affects and publishes version 2', async () => {
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

  const { page, problems } = commissioner;

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
  await page.getByText('counts are rounded to the nearest 5', { exact: false }).waitFor();
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

it('changes the tier a page showed even after another tab moved it, and says so once it has gone', async () => {
  const { page, problems } = commissioner;
  await startDraftFromVersionInForce(page);
  const draftUrl = page.url();

  // Another tab asks to remove Universal+, tier 2, while this one moves it down.
  const colleague = await otherTab(commissioner);
  await colleague.goto(draftUrl);
  await colleague.getByRole('link', { name: 'Remove Tier 2: Universal+' }).click();
  await expectHeading(colleague, 'Remove Universal+ from this draft?');
  await page.getByRole('button', { name: 'Move down Tier 2: Universal+' }).click();
  await page.getByText('Universal+ moved down: it is now tier 3').waitFor();

  // Universal+ is removed, not Targeted support, which is now in its old place.
  await colleague.getByRole('button', { name: 'Remove tier' }).click();
  await expectHeading(colleague, 'Draft: Devon short breaks statement');
  await colleague.getByText('Universal+ has been removed', { exact: false }).waitFor();
  await expect(tierTitles(colleague)).resolves.toEqual([
    'Tier 1: Universal',
    'Tier 2: Targeted support',
    'Tier 3: Specialist support',
  ]);
  await colleague.close();

  // This tab still shows Universal+: moving it says the draft has changed, and shows it as it is.
  await page.getByRole('button', { name: 'Move up Tier 3: Universal+' }).click();
  await page
    .locator('.govuk-error-summary')
    .getByText('This draft has changed since you opened it: check it and try again')
    .waitFor();
  await page.getByRole('heading', { name: 'Tier 3: Specialist support' }).waitFor();
  await expect(tierTitles(page)).resolves.toEqual([
    'Tier 1: Universal',
    'Tier 2: Targeted support',
    'Tier 3: Specialist support',
  ]);
  await expect(page.title()).resolves.toMatch(/^Error: /);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('does not publish a draft started before another version was published: it says why, flags it, and offers a new draft from the version in force', async () => {
  const { page, problems } = commissioner;
  const version = await startDraftFromVersionInForce(page);
  const next = version + 1;
  const draftId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

  // The preview compares every child, so it says it is loading until it can show them.
  let showPreview = () => {};
  const previewHeld = new Promise<void>((resolve) => (showPreview = resolve));
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes('EligibilityRulePreview')) await previewHeld;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Preview changes' }).click();
  const previewTitle = 'What publishing this would change';
  await page.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
  await page.waitForFunction((title) => document.title === `${title} – Harbour`, previewTitle);
  expect(await axeViolations(page)).toEqual([]);
  showPreview();
  await expectHeading(page, previewTitle);
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  await page.unroute('**/graphql');
  await page.getByRole('button', { name: `Publish as version ${next}` }).waitFor();

  // Meanwhile another draft from the same version is published in another tab.
  const colleague = await otherTab(commissioner);
  await startDraftFromVersionInForce(colleague);
  await colleague.getByRole('link', { name: 'Preview changes' }).click();
  await colleague.getByRole('button', { name: `Publish as version ${next}` }).click();
  await expectHeading(colleague, `Version ${next} published`);
  await colleague.close();

  // Publishing this one would undo it, so it is refused, saying why rather than what to fix.
  await page.getByRole('button', { name: `Publish as version ${next}` }).click();
  const refusal = page.locator('.govuk-error-summary');
  await refusal.getByText('The rules have not been published').waitFor();
  await refusal
    .getByText(
      `Version ${next} was published after this draft was started from version ${version}. Start a new draft from version ${next} so its changes are not lost.`,
    )
    .waitFor();
  await expect(refusal.textContent()).resolves.not.toContain('until these are fixed');
  await expect(
    page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
  ).resolves.toBe(true);
  await expect(page.title()).resolves.toMatch(/^Error: /);
  // The page now shows the draft as out of date, with no way to publish it.
  await page
    .locator('.govuk-inset-text')
    .getByText(
      `Version ${next} was published after this draft was started from version ${version}.`,
      { exact: false },
    )
    .waitFor();
  const startFromNext = page.getByRole('button', {
    name: `Start a new draft from version ${next}`,
  });
  await startFromNext.waitFor();
  await expect(page.getByRole('button', { name: /^Publish/ }).count()).resolves.toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  // The rules page flags it among the drafts.
  await page.goto(`${journey.harbour.url}/commissioners/eligibility`);
  await expectHeading(page, 'Eligibility rules');
  const row = page.getByRole('table', { name: 'Drafts' }).locator('tr', {
    has: page.locator(`a[href$="/drafts/${draftId}"]`),
  });
  await expect(row.textContent()).resolves.toContain(
    `Version ${version}: version ${next} was published after it was started`,
  );
  await row.getByText('Out of date', { exact: true }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // Its preview offers a new draft from the version in force instead, and opens it.
  await page.goto(`${journey.harbour.url}/commissioners/eligibility/drafts/${draftId}/preview`);
  await expectHeading(page, previewTitle);
  await expect(page.getByRole('button', { name: /^Publish/ }).count()).resolves.toBe(0);
  await startFromNext.click();
  await expectHeading(page, 'Draft: Devon short breaks statement');
  await expect(summaryRow(page, 'Started from').textContent()).resolves.toContain(
    `Version ${next}`,
  );
  expect(page.url()).not.toContain(draftId);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
