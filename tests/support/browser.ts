import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { totpCode } from '../../server/src/modules/accounts/totp';
import { DEMO_PASSWORD } from './accounts';
import { startTestHarbour, type TestHarbour } from './harbour';
import { chromiumArgs, chromiumPath } from '../../scripts/services/chromium';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Debian's Chromium, headless, with no background traffic (this machine has no internet). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(__dirname, '../../client/dist/index.html'))) {
    throw new Error('The client is not built: run `npm run build` before the browser tests');
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * A new page that records anything the browser refuses or reports as an error
 * (a CSP violation, a failed script, a React error), so each journey can assert none.
 */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  // axe needs a page in a context of its own.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

/** axe-core against WCAG 2.0, 2.1 and 2.2 A and AA; lists each violation readably. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** Starts a server and a browser for a test file's journeys, and stops both after them. */
export function useBrowserJourney(env: Record<string, string> = {}) {
  const journey = {} as { harbour: TestHarbour; browser: Browser };
  beforeAll(async () => {
    journey.harbour = await startTestHarbour(env);
    journey.browser = await launchBrowser();
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.harbour?.stop();
  });
  return journey;
}

/** Waits until the page's main heading says `text` (after a navigation or a form answer). */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await page
    .getByRole('heading', { level: 1, name: text, exact: true })
    .waitFor({ timeout: 10_000 });
}

/**
 * Signs a demo account in through the sign-in page, giving a security code from `totpSecret`
 * when the account has one, and waits to land on `returnTo`.
 */
export async function signInThroughPage(
  page: Page,
  url: string,
  email: string,
  returnTo: string,
  totpSecret?: string,
): Promise<void> {
  await page.goto(`${url}/sign-in?${new URLSearchParams({ returnTo })}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (totpSecret) {
    await page.getByLabel('Enter your security code').fill(totpCode(totpSecret));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(`${url}${returnTo}`);
}
