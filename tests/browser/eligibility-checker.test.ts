/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { londonToday } from '@harbour/shared';
import { DEMO_PASSWORD } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

const main = (page: Page) => page.locator('main');
const mainText = (page: Page) => main(page).textContent();

async function signInAsSamsParent(page: Page) {
  const url = journey.harbour.url;
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email address').fill('parent@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/family`);
}

/** What the API answers when it fails (with HTTP 200, so the browser logs no error). */
const serviceProblem = {
  data: null,
  errors: [{ message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
};

async function continueTo(page: Page, heading: string) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHeading(page, heading);
  expect(await axeViolations(page)).toEqual([]);
}

it('a parent checks what support their child could get without an account, one question a page, and sees every tier with its reasons and the services near EX4', async () => {
  const { page, problems } = await openPage(journey.browser);
  const url = journey.harbour.url;

  // Answers live in the page's memory only: a later question opened afresh starts again.
  await page.goto(`${url}/families/check/budget`);
  await page.waitForURL(`${url}/families/check`);

  await page.goto(`${url}/families`);
  await page.getByRole('link', { name: 'Check what support your child could get' }).click();
  await expectHeading(page, 'Check what support your child could get');
  await main(page).getByText('Universal+:').waitFor();
  await expect(mainText(page)).resolves.toContain('Nothing you enter is saved');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Start now' }).click();
  await expectHeading(page, 'What is your child’s date of birth?');
  expect(await axeViolations(page)).toEqual([]);

  // A mistake first: a date of birth in the future, refused in the API's own words.
  const nextYear = Number(londonToday().slice(0, 4)) + 1;
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('6');
  await page.getByLabel('Year').fill(String(nextYear));
  await page.getByRole('button', { name: 'Continue' }).click();
  const errorSummary = page.locator('.govuk-error-summary');
  await expect(errorSummary.textContent()).resolves.toContain('Date of birth must be in the past');
  await page.waitForFunction(() =>
    document.activeElement?.classList.contains('govuk-error-summary'),
  );
  await expect(page.locator('#dateOfBirth-error').textContent()).resolves.toContain(
    'Date of birth must be in the past',
  );
  await expect(page.title()).resolves.toMatch(/^Error: /);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Year').fill('2017');
  await continueTo(page, 'What is your home postcode? (optional)');

  // Back at the start page, Start now begins a new check: the earlier answers are forgotten.
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'What is your child’s date of birth?');
  await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2017');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'Check what support your child could get');
  await page.getByRole('link', { name: 'Start now' }).click();
  await expectHeading(page, 'What is your child’s date of birth?');
  await expect(page.getByLabel('Year').inputValue()).resolves.toBe('');
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('6');
  await page.getByLabel('Year').fill('2017');
  await continueTo(page, 'What is your home postcode? (optional)');

  await page.getByLabel('What is your home postcode? (optional)').fill('ex4');
  await continueTo(page, 'What needs does your child have?');

  await page.getByLabel('Autism').check();
  await continueTo(page, 'Does your child have a diagnosis?');

  await page.getByLabel('Diagnosed', { exact: true }).check();
  await continueTo(page, 'Does your child have an education, health and care (EHC) plan?');

  await page.getByLabel('No EHC plan').check();
  await continueTo(page, 'Has children’s social care assessed your child’s needs?');

  // Assessed: the follow-up question appears, listing the published tiers.
  await page.getByLabel('Assessed by social care').check();
  await page
    .getByRole('group', { name: 'Which tier did the assessment place your child at?' })
    .waitFor();
  await page.getByLabel('Targeted support').check();
  expect(await axeViolations(page)).toEqual([]);
  await continueTo(page, 'What support does your child need to join in?');

  await page.getByLabel('Can join a group with the usual staffing').check();
  await continueTo(page, 'What should staff be able to help with?');

  await page.getByLabel('Makaton').check();
  await continueTo(page, 'Who holds your child’s personal budget?');

  await page.getByLabel('No personal budget').check();
  await continueTo(page, 'Check your answers');
  const answers = page.locator('.govuk-summary-list');
  await expect(answers.textContent()).resolves.toContain('1 June 2017');
  await expect(answers.textContent()).resolves.toContain('EX4');
  await expect(answers.textContent()).resolves.toContain('Autism');
  await expect(answers.textContent()).resolves.toContain(
    'Assessed by social care: Targeted support',
  );

  // Changing an answer comes back to the answers, not on through every question.
  await page.getByRole('link', { name: 'Change social care assessment' }).click();
  await expectHeading(page, 'Has children’s social care assessed your child’s needs?');
  await expect(page.getByLabel('Assessed by social care').isChecked()).resolves.toBe(true);
  await page.getByLabel('No social care assessment').check();
  await continueTo(page, 'Check your answers');
  await expect(answers.textContent()).resolves.toContain('No social care assessment');
  await expect(answers.textContent()).resolves.not.toContain('Targeted support');

  await page.getByRole('button', { name: 'Check eligibility' }).click();
  await expectHeading(page, 'Your child is likely to be eligible for Universal+');
  const result = await mainText(page);
  expect(result).toMatch(
    /Checked against the Devon short breaks statement, version 1, on \d+ \w+ \d{4}/,
  );
  expect(result).toContain('The council makes the final decision');

  // Every tier, its outcome in words, and each reason with its own outcome in words.
  for (const [tier, outcome] of [
    ['Universal', 'Eligible'],
    ['Universal+', 'Eligible'],
    ['Targeted support', 'May be eligible after an assessment'],
    ['Specialist support', 'Not eligible'],
  ]) {
    const section = page.locator('.harbour-tier', {
      has: page.getByRole('heading', { level: 3, name: tier, exact: true }),
    });
    await expect(section.locator('.govuk-tag').textContent()).resolves.toBe(outcome);
  }
  expect(result).toMatch(/Met: Open to children aged 0–17: your child is \d+/);
  expect(result).toContain(
    'Met: For children with special educational needs or disabilities: your child has autism',
  );
  expect(result).toContain('Met: For families living in');
  expect(result).toContain(
    'Needs an assessment: For children a social care assessment placed at Targeted support or Specialist support: your child has not had a social care assessment',
  );
  expect(result).toContain(
    'What would change this: Ask Devon’s children’s social care for a short breaks assessment',
  );
  expect(result).toContain(
    'Not met: For children who have an EHC plan: your child has no EHC plan',
  );
  expect(result).toContain(
    'How to get this support: Book directly: no assessment or referral is needed.',
  );

  await page.getByRole('heading', { level: 2, name: 'Services near you' }).waitFor();
  expect(result).toMatch(/Your child is eligible for \d+ services? near EX4/);
  const services = page.locator('.harbour-result');
  expect(await services.count()).toBeGreaterThan(0);
  // A service's "may fit" means a question for the provider first, not a council assessment.
  for (const tag of await services.locator('.govuk-tag').allTextContents()) {
    expect(['Eligible', 'May be able to go: check first', 'Not eligible']).toContain(tag);
  }
  const first = services.first();
  await expect(first.textContent()).resolves.toMatch(/km away/);
  await expect(first.locator('.govuk-tag').textContent()).resolves.toBe('Eligible');
  expect(await first.getByRole('link').first().getAttribute('href')).toMatch(/^\/services\//);
  await first.locator('summary', { hasText: 'Why' }).click();
  await expect(first.locator('.govuk-details__text').textContent()).resolves.toMatch(/Met: /);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('a signed-in parent checks what Sam can get in one step from Sam’s profile, and the check joins the previous ones', async () => {
  const { page, problems } = await openPage(journey.browser);
  await signInAsSamsParent(page);

  // Sam's facts are held back at first, to see the page while it loads; later, fetching the
  // previous checks again fails.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let isFetchingFactsFailing = false;
  await page.route('**/graphql', async (route) => {
    if (!route.request().postData()?.includes('query ChildForEligibilityCheck')) {
      return route.continue();
    }
    await held;
    if (!isFetchingFactsFailing) return route.continue();
    return route.fulfill({ json: serviceProblem });
  });

  await page.getByRole('link', { name: 'Check what Sam can get' }).click();
  await page.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
  await expect(page.title()).resolves.toBe('Loading – Harbour');
  release();
  await expectHeading(page, 'Check what Sam can get');
  // Focus moves on from the loading message to the page's heading.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  const facts = page.locator('.govuk-summary-list');
  await expect(facts.textContent()).resolves.toContain('EX4 3SR (Exeter)');
  await expect(facts.textContent()).resolves.toContain('Autism');
  await expect(facts.textContent()).resolves.toContain('Makaton');
  expect(
    await page.getByRole('link', { name: 'Change Sam’s profile' }).getAttribute('href'),
  ).toMatch(/^\/family\/children\/[^/]+\/profile$/);
  await expect(mainText(page)).resolves.toContain('You have not checked Sam’s eligibility before.');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Check now' }).click();
  const headline = page.getByRole('heading', {
    level: 2,
    name: 'Sam is likely to be eligible for Universal+',
  });
  await headline.waitFor();
  // Focus moves to the result, so a screen reader announces it.
  await page.waitForFunction(
    () => document.activeElement?.textContent === 'Sam is likely to be eligible for Universal+',
  );
  const result = await mainText(page);
  expect(result).toContain('Met: For families living in');
  expect(result).toContain('Sam lives in Exeter');
  expect(result).toContain('Needs an assessment: For children a social care assessment placed at');
  expect(await page.locator('.harbour-result').count()).toBeGreaterThan(0);

  const previous = page.locator('table tbody tr');
  await previous.first().waitFor();
  expect(await previous.count()).toBe(1);
  await expect(previous.first().textContent()).resolves.toContain(
    'Devon short breaks statement, version 1',
  );
  await expect(previous.first().textContent()).resolves.toContain('Universal+');
  expect(await axeViolations(page)).toEqual([]);

  // A check whose previous checks cannot be fetched again still shows its result.
  isFetchingFactsFailing = true;
  await page.getByRole('button', { name: 'Check now' }).click();
  await main(page)
    .getByText('Sorry, we cannot show the check you have just made here at the moment')
    .waitFor();
  await headline.waitFor();
  expect(await previous.count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('forgets the answers given in a tab when the person signs out', async () => {
  const { page, problems } = await openPage(journey.browser);
  const url = journey.harbour.url;
  await signInAsSamsParent(page);
  await page.goto(`${url}/families/check`);
  await page.getByRole('link', { name: 'Start now' }).click();
  await page.getByLabel('Day').fill('14');
  await page.getByLabel('Month').fill('5');
  await page.getByLabel('Year').fill('2017');
  await continueTo(page, 'What is your home postcode? (optional)');

  await page.getByRole('link', { name: 'Sign out' }).click();
  await expectHeading(page, 'You have signed out');
  // Back to the question, in the same tab: with no answers to build on, the checker starts again.
  await page.goBack();
  await page.waitForURL(`${url}/families/check`);
  await expectHeading(page, 'Check what support your child could get');
  expect(problems).toEqual([]);
});

it('says whom to ask instead of offering Start now before the council publishes its rules, and when the service has a problem', async () => {
  const { page, problems } = await openPage(journey.browser);
  const url = journey.harbour.url;
  let rules: 'none published' | 'failing' = 'none published';
  await page.route('**/graphql', (route) => {
    if (!route.request().postData()?.includes('query EligibilityRules')) return route.continue();
    return route.fulfill({
      json: rules === 'failing' ? serviceProblem : { data: { eligibilityRules: null } },
    });
  });

  await page.goto(`${url}/families/check`);
  await expectHeading(page, 'Check what support your child could get');
  await expect(mainText(page)).resolves.toContain(
    'The council has not published its short breaks rules on Harbour',
  );
  await main(page).getByRole('link', { name: '0345 155 1071' }).waitFor();
  expect(await page.getByRole('link', { name: 'Start now' }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  rules = 'failing';
  await page.goto(`${url}/families/check`);
  await expectHeading(page, 'Sorry, there is a problem with the service');
  expect(await page.getByRole('link', { name: 'Start now' }).count()).toBe(0);
  expect(problems).toEqual([]);
});
