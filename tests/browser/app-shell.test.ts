/// <reference lib="dom" />
import { axeViolations, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney();

it('opens the home page with its heading, three ways in, no console errors and no axe violations', async () => {
  const { page, problems } = await openPage(journey.browser);
  await page.goto(journey.harbour.url);
  await expect(page.locator('h1').textContent()).resolves.toBe(
    'Short breaks and activities for disabled children and young people in Devon',
  );
  await expect(page.title()).resolves.toMatch(/Harbour/);
  for (const audience of ['Families', 'Providers', 'Commissioners']) {
    await expect(page.getByRole('link', { name: audience }).first().isVisible()).resolves.toBe(
      true,
    );
  }
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it.each([
  ['/families', 'Families'],
  ['/providers', 'Providers'],
  ['/commissioners', 'Commissioners'],
])(
  'serves %s as a page of its own, marked current in the navigation, with no axe violations',
  async (path, name) => {
    const { page, problems } = await openPage(journey.browser);
    await page.goto(`${journey.harbour.url}${path}`);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    const current = page.locator('.govuk-service-navigation [aria-current="page"]');
    await expect(current.textContent()).resolves.toContain(name);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  },
);

it('shows a GOV.UK "Page not found" page for an unknown address', async () => {
  const { page } = await openPage(journey.browser);
  await page.goto(`${journey.harbour.url}/no-such-page`);
  await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  expect(await axeViolations(page)).toEqual([]);
});

it('lets a keyboard user skip straight to the main content', async () => {
  const { page } = await openPage(journey.browser);
  await page.goto(journey.harbour.url);
  await page.locator('h1').waitFor();
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
    'Skip to main content',
  );
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
});
