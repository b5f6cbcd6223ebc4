/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

async function signInAsSamsParent(page: Page, returnTo = '/family') {
  await page.goto(`${journey.harbour.url}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Email address').fill('parent@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${journey.harbour.url}${returnTo}`);
}

const card = (page: Page, title: string) =>
  page.locator('.govuk-summary-card').filter({
    has: page.getByRole('heading', { name: title, exact: true }),
  });
const errorSummary = (page: Page) => page.locator('.govuk-error-summary');
const banner = (page: Page) => page.locator('.govuk-notification-banner--success');

it('a parent tells Harbour about Sam once, fixes a mistake, sees every version and chooses what a provider sees', async () => {
  const { page, problems } = await openPage(journey.browser);
  await signInAsSamsParent(page);
  await expectHeading(page, 'Your family');

  await page.getByRole('link', { name: 'Sam’s profile: needs, support and about me' }).click();
  await expectHeading(page, 'Sam’s profile');
  await expect(page.locator('main').textContent()).resolves.toMatch(/Version \d+, last changed/);
  await expect(
    card(page, 'Needs, diagnosis and the support needed').textContent(),
  ).resolves.toContain('Autism');
  await expect(card(page, 'Behaviour support').textContent()).resolves.toContain('Not given');
  await page.getByRole('link', { name: 'Check what Sam can get' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // Needs: one more ticked, saved, and back on the profile with a banner.
  await page.getByRole('link', { name: 'Change Needs, diagnosis and the support needed' }).click();
  await expectHeading(page, 'Sam’s needs');
  await expect(page.getByLabel('Autism', { exact: true }).isChecked()).resolves.toBe(true);
  // In the same words as the anonymous checker asks it.
  await page.getByRole('group', { name: 'What support does Sam need to join in?' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('ADHD', { exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expectHeading(page, 'Sam’s profile');
  await expect(banner(page).textContent()).resolves.toContain('Sam’s needs have been saved');
  await expect(
    card(page, 'Needs, diagnosis and the support needed').textContent(),
  ).resolves.toContain('ADHD');
  expect(await axeViolations(page)).toEqual([]);

  // About me: a mistake first, refused with the shared schema's words, then put right.
  await page.getByRole('link', { name: 'Change About me: what helps, likes and dislikes' }).click();
  await expectHeading(page, 'About Sam');
  await page.getByLabel('Likes', { exact: true }).fill('Trains. '.repeat(130));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(errorSummary(page).textContent()).resolves.toContain(
    'Likes must be 1000 characters or fewer',
  );
  await page.waitForFunction(() =>
    document.activeElement?.classList.contains('govuk-error-summary'),
  );
  await expect(page.title()).resolves.toMatch(/^Error: /);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Likes', { exact: true }).fill('Trains, swimming and painting.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectHeading(page, 'Sam’s profile');
  await expect(banner(page).textContent()).resolves.toContain('have been saved');
  await expect(
    card(page, 'About me: what helps, likes and dislikes').textContent(),
  ).resolves.toContain('Trains, swimming and painting.');

  // Emergency contacts: another added as GOV.UK "add another", with a phone that is not one.
  await page.getByRole('link', { name: 'Change Emergency contacts' }).click();
  await expectHeading(page, 'Sam’s emergency contacts');
  await page.getByRole('button', { name: 'Add another contact' }).click();
  const second = page.getByRole('group', { name: 'Contact 2' });
  await page.waitForFunction(() => document.activeElement?.id === 'contact-2-name');
  await second.getByLabel('Name').fill('Pat Fictional');
  await second.getByLabel('Relationship to Sam').fill('Grandparent');
  await second.getByLabel('Phone number').fill('call me');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(errorSummary(page).textContent()).resolves.toContain(
    'Enter a phone number, like 01392 123456 or 07700 900123',
  );
  expect(await axeViolations(page)).toEqual([]);
  await errorSummary(page)
    .getByRole('link', { name: /Enter a phone number/ })
    .click();
  await page.waitForFunction(() => document.activeElement?.id === 'contact-2-phone');
  await second.getByLabel('Phone number').fill('01392 123456');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectHeading(page, 'Sam’s profile');
  await expect(banner(page).textContent()).resolves.toContain(
    'Sam’s emergency contacts have been saved',
  );
  await expect(card(page, 'Emergency contacts').textContent()).resolves.toContain(
    'Pat Fictional (Grandparent)',
  );

  // Every version, newest first, with who made it and what it changed.
  await page.getByRole('link', { name: 'Changes to Sam’s record' }).click();
  await expectHeading(page, 'Changes to Sam’s record');
  const rows = page.locator('tbody tr');
  await expect(rows.nth(0).textContent()).resolves.toContain('Jamie Fictional');
  await expect(rows.nth(0).textContent()).resolves.toContain('Emergency contacts');
  await expect(rows.nth(1).textContent()).resolves.toContain('Likes');
  await expect(rows.nth(2).textContent()).resolves.toContain('Needs');
  await expect(rows.last().textContent()).resolves.toContain('Record created');
  const [newest, before] = await Promise.all(
    [0, 1].map(async (index) => Number(await rows.nth(index).locator('td').first().textContent())),
  );
  expect(newest).toBe(before! + 1);
  expect(await axeViolations(page)).toEqual([]);

  // Sam's family shares four parts with Sunrise Play (not the home postcode); now only two.
  await page.getByRole('link', { name: 'Back to Sam’s profile' }).click();
  await page.getByRole('link', { name: 'Who can see Sam’s profile' }).click();
  await expectHeading(page, 'Who can see Sam’s profile');
  const sharedNow = (await card(page, 'Sunrise Play (demo)').textContent()) ?? '';
  expect(sharedNow).toContain('Emergency contacts');
  expect(sharedNow).not.toContain('Home postcode');
  await page.getByRole('link', { name: 'Who has seen your family’s information' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await page
    .getByRole('link', { name: 'Change what Sunrise Play (demo) can see, or stop sharing' })
    .click();
  await expectHeading(page, 'What can Sunrise Play (demo) see?');
  expect(await axeViolations(page)).toEqual([]);
  for (const checkbox of await page.getByRole('checkbox').all()) await checkbox.uncheck();
  await page.getByRole('button', { name: 'Save what they can see' }).click();
  await expect(errorSummary(page).textContent()).resolves.toContain(
    'Select at least one part of Sam’s profile, or stop sharing with Sunrise Play (demo)',
  );
  await page.getByLabel('Needs, diagnosis and the support needed').check();
  await page.getByLabel('About me: what helps, likes and dislikes').check();
  await page.getByRole('button', { name: 'Save what they can see' }).click();
  await expectHeading(page, 'Who can see Sam’s profile');
  await expect(banner(page).textContent()).resolves.toContain(
    'You have changed what Sunrise Play (demo) can see',
  );
  const canSee = await card(page, 'Sunrise Play (demo)').locator('li').allTextContents();
  expect(canSee).toEqual([
    'Needs, diagnosis and the support needed',
    'About me: what helps, likes and dislikes',
  ]);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('refuses a change made from an old version, and says why', async () => {
  const { page, problems } = await openPage(journey.browser);
  await signInAsSamsParent(page);
  await page.getByRole('link', { name: 'Sam’s profile: needs, support and about me' }).click();
  await page.getByRole('link', { name: 'Change Behaviour support' }).click();
  await expectHeading(page, 'Sam’s behaviour support');

  // Someone else in the family saves first, in another tab.
  const otherTab = await page.context().newPage();
  await otherTab.goto(page.url());
  await otherTab.getByLabel('Behaviour support').fill('Needs time to settle in.');
  await otherTab.getByRole('button', { name: 'Save' }).click();
  await expectHeading(otherTab, 'Sam’s profile');

  await page.getByLabel('Behaviour support').fill('Likes a countdown before changes.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(errorSummary(page).textContent()).resolves.toContain(
    'Someone else changed this record since you opened it',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'See the latest version of Sam’s profile' }).click();
  await expectHeading(page, 'Sam’s profile');
  await expect(card(page, 'Behaviour support').textContent()).resolves.toContain(
    'Needs time to settle in.',
  );
  expect(problems).toEqual([]);
});

it('shares Sam’s profile with the provider of a service the family found, nothing ticked to start', async () => {
  const found = await journey.harbour.graphql<{
    directorySearch: { results: { edges: { node: { id: string; providerName: string } }[] } };
  }>(
    '{ directorySearch(input: { near: { postcode: "EX39" } }, first: 50) { results { edges { node { id providerName } } } } }',
  );
  const listing = found.body
    .data!.directorySearch.results.edges.map(({ node }) => node)
    .find(({ providerName }) => providerName !== 'Sunrise Play (demo)')!;
  const { page, problems } = await openPage(journey.browser);
  await signInAsSamsParent(page);
  const samsProfile = page.getByRole('link', {
    name: 'Sam’s profile: needs, support and about me',
  });
  const childId = /children\/([^/]+)\/profile/.exec((await samsProfile.getAttribute('href'))!)![1];

  await page.goto(`${journey.harbour.url}/family/children/${childId}/share?service=${listing.id}`);
  await expectHeading(page, `Share Sam’s profile with ${listing.providerName}`);
  await expect(page.getByRole('checkbox', { checked: true }).count()).resolves.toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Communication', { exact: true }).check();
  await page.getByRole('button', { name: `Share with ${listing.providerName}` }).click();
  await expectHeading(page, 'Who can see Sam’s profile');
  await expect(banner(page).textContent()).resolves.toContain(
    `Sam’s profile is now shared with ${listing.providerName}`,
  );
  await expect(card(page, listing.providerName).locator('li').allTextContents()).resolves.toEqual([
    'Communication',
  ]);
  expect(problems).toEqual([]);
});

it('asks which tier social care assessed Sam at only once the family says Sam was assessed', async () => {
  const { page, problems } = await openPage(journey.browser);
  await signInAsSamsParent(page);
  await page.getByRole('link', { name: 'Sam’s profile: needs, support and about me' }).click();
  await page
    .getByRole('link', { name: 'Change EHC plan, social care assessment and budget' })
    .click();
  await expectHeading(page, 'Sam’s EHC plan, social care assessment and budget');
  const tierQuestion = page.getByRole('group', { name: /Which tier of support/ });
  await expect(tierQuestion.count()).resolves.toBe(0);

  await page.getByLabel('Assessed by social care').check();
  await tierQuestion.getByLabel('Targeted support').check();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save' }).click();
  await expectHeading(page, 'Sam’s profile');
  await expect(banner(page).textContent()).resolves.toContain(
    'Sam’s EHC plan, social care assessment and budget have been saved',
  );
  const plans = card(page, 'EHC plan, social care assessment and budget');
  await expect(plans.textContent()).resolves.toContain('Assessed by social care: Targeted support');

  // A tier the council's rules no longer have is said in words, never as its code; and before
  // the council publishes any tiers, the form says why it does not ask which one.
  let rules: 'without Targeted support' | 'none published' = 'without Targeted support';
  await page.route('**/graphql', async (route) => {
    if (!route.request().postData()?.includes('query ChildProfile(')) return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as {
      data: { eligibilityRules: { tiers: { code: string }[] } | null };
    };
    const published = body.data.eligibilityRules;
    body.data.eligibilityRules =
      rules === 'none published' || !published
        ? null
        : { tiers: published.tiers.filter(({ code }) => code !== 'TARGETED') };
    await route.fulfill({ response, json: body });
  });
  await page.reload();
  await expectHeading(page, 'Sam’s profile');
  await expect(plans.textContent()).resolves.toContain(
    'Assessed by social care: a tier that is no longer in the council’s rules',
  );
  await expect(plans.textContent()).resolves.not.toContain('TARGETED');

  rules = 'none published';
  await page
    .getByRole('link', { name: 'Change EHC plan, social care assessment and budget' })
    .click();
  await expectHeading(page, 'Sam’s EHC plan, social care assessment and budget');
  await expect(page.getByLabel('Assessed by social care').isChecked()).resolves.toBe(true);
  await page.getByText('The council has not published its tiers of support yet').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
