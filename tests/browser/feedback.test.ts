/// <reference lib="dom" />
import { axeViolations, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney();

it('a parent reaches the feedback form from the phase banner, fixes a missed answer and sends feedback', async () => {
  const { page, problems } = await openPage(journey.browser);
  await page.goto(`${journey.harbour.url}/families`);
  await page.locator('.govuk-phase-banner').getByRole('link').click();
  await expect(page.locator('h1').isVisible()).resolves.toBe(true);

  // Sending without choosing an answer shows the GOV.UK error summary, focused, and an inline error.
  await page.getByRole('button', { name: 'Send feedback' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.isVisible()).resolves.toBe(true);
  await expect(
    page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
  ).resolves.toBe(true);
  await expect(summary.textContent()).resolves.toContain('Select how you felt about the service');
  await expect(page.locator('.govuk-error-message').first().textContent()).resolves.toContain(
    'Select how you felt about the service',
  );
  await expect(page.title()).resolves.toMatch(/^Error: /);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Satisfied', { exact: true }).check();
  await page
    .getByLabel('How could we improve this service?')
    .fill('More clubs near Bideford, please.');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain(
    'Thank you for your feedback',
  );
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);

  const { body } = await journey.harbour.graphql<{
    feedbackSummary: { total: number; ratings: { rating: string; count: number }[] };
  }>('{ feedbackSummary { total ratings { rating count } } }');
  expect(body.data?.feedbackSummary.total).toBe(1);
  expect(body.data?.feedbackSummary.ratings).toContainEqual({ rating: 'SATISFIED', count: 1 });
});

it('works with the keyboard alone', async () => {
  const { page } = await openPage(journey.browser);
  await page.goto(`${journey.harbour.url}/feedback`);
  await page.locator('input[type="radio"]').first().focus();
  await page.keyboard.press('ArrowDown'); // moves to and selects "Satisfied"
  await expect(page.getByLabel('Satisfied', { exact: true }).isChecked()).resolves.toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Clear and quick.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain(
    'Thank you for your feedback',
  );
});
