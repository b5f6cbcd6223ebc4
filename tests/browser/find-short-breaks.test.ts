/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/accounts';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

// 60 fictional providers over every Devon town, plus the demo provider's own services in
// Bideford (EX39) and Barnstaple.
const journey = useBrowserJourney({ DEMO_SEED: 'true', DEMO_PROVIDERS: '60' });

// This machine has no internet: map tiles come from here instead, so no load fails.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function openFindPage() {
  const opened = await openPage(journey.browser);
  await opened.page.route(/tile\.openstreetmap\.org/, (route) =>
    route.fulfill({ contentType: 'image/png', body: TILE }),
  );
  return opened;
}

const resultsHeading = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /results? near/ });
const results = (page: Page) => page.locator('.harbour-result');
const mapMarkers = (page: Page) => page.locator('.harbour-map .leaflet-marker-icon');

/**
 * Presses Tab until the focused element matches `selector` (and `text`, if given); a keyboard
 * trap or a control that cannot be reached fails.
 */
async function tabTo(page: Page, selector: string, text?: string, limit = 80) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const isThere = await page.evaluate(
      ([s, t]) =>
        (document.activeElement?.matches(s!) ?? false) &&
        (t === undefined || (document.activeElement?.textContent ?? '').includes(t)),
      [selector, text] as const,
    );
    if (isThere) return;
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

/** The first page of each directory search the page asks the API for, as they are made. */
function directorySearches(page: Page) {
  const searches: { input: { eligibleForChildId?: string } }[] = [];
  page.on('request', (request) => {
    const body = request.postDataJSON() as {
      query?: string;
      variables?: { input: { eligibleForChildId?: string }; after?: string | null };
    } | null;
    if (body?.query?.includes('query DirectorySearch') && !body.variables?.after) {
      searches.push({ input: body.variables!.input });
    }
  });
  return searches;
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    text: document.activeElement?.textContent?.trim(),
  }));

it('a parent finds short breaks near EX39 for an autistic child, on the map and in the list, and opens one', async () => {
  const { page, problems } = await openFindPage();
  const url = journey.harbour.url;

  await page.goto(`${url}/families`);
  await page.getByRole('link', { name: 'Find short breaks', exact: true }).click();
  await expectHeading(page, 'Find short breaks and activities');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Postcode or town').fill('EX39');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(resultsHeading(page).textContent()).resolves.toMatch(
    /^\d+ results near EX39 \(Bideford\)$/,
  );
  const everyNeed = await results(page).count();

  await page.locator('summary', { hasText: 'Needs' }).click();
  await page.getByLabel('Autism').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/need=AUTISM/);
  await expect(resultsHeading(page).textContent()).resolves.toMatch(/near EX39 \(Bideford\)$/);
  // The search is in the address, so it can be shared; the filter panel shows what is chosen.
  expect(new URL(page.url()).searchParams.get('place')).toBe('EX39');
  await expect(page.locator('summary', { hasText: 'Needs' }).textContent()).resolves.toContain(
    '1 selected',
  );

  const cards = results(page);
  // The heading can still be the last search's while the new one loads: wait for its cards.
  await page.getByRole('status').filter({ hasText: 'Searching' }).waitFor({ state: 'detached' });
  await cards.first().waitFor();
  expect(await cards.count()).toBeGreaterThan(0);
  expect(await cards.count()).toBeLessThanOrEqual(everyNeed);
  await expect(cards.first().textContent()).resolves.toMatch(/km away/);
  await expect(cards.first().textContent()).resolves.toMatch(/Last verified/);
  await mapMarkers(page).first().waitFor();
  expect(await page.locator('.leaflet-tile-loaded').count()).toBeGreaterThan(0);
  await expect(page.getByText('The same results are listed below it.').isVisible()).resolves.toBe(
    true,
  );
  expect(await axeViolations(page)).toEqual([]);

  // Clusters open up as they are clicked, down to one service, whose card is then highlighted.
  const single = page.locator('.harbour-map .leaflet-marker-icon:not(.harbour-map-cluster)');
  for (let i = 0; i < 6 && (await single.count()) === 0; i += 1) {
    await page.locator('.harbour-map-cluster').first().click();
  }
  await single.first().click();
  const popupLink = page.locator('.leaflet-popup a.govuk-link').first();
  const chosen = (await popupLink.textContent())!;
  const highlighted = page.locator('.harbour-result--selected');
  await expect(highlighted.textContent()).resolves.toContain(chosen);
  await expect(highlighted.textContent()).resolves.toContain('Selected on the map');

  // "Hide map" leaves the list, and the back button returns to the search before the filter.
  await page.getByRole('button', { name: 'Hide map' }).click();
  expect(await page.locator('.harbour-map').count()).toBe(0);
  await page.getByRole('button', { name: 'Show map' }).click();
  await mapMarkers(page).first().waitFor();
  await page.goBack();
  await page.waitForURL((address) => !address.search.includes('need=AUTISM'));
  await page.waitForFunction(
    (count) => document.querySelectorAll('.harbour-result').length === count,
    everyNeed,
  );

  await page.goForward();
  await page.waitForURL(/need=AUTISM/);
  const first = results(page).first().getByRole('link');
  const name = (await first.textContent())!;
  await first.click();
  await expectHeading(page, name);
  await expect(page.locator('main').textContent()).resolves.toMatch(/km from EX39 \(Bideford\)/);
  await expect(page.locator('main').textContent()).resolves.toContain('Needs supported');
  await expect(page.locator('main').textContent()).resolves.toContain('Autism');
  await expect(page.locator('main').textContent()).resolves.toContain(
    'Can care continue after 18?',
  );
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Back to search results' }).click();
  await page.waitForURL(/need=AUTISM/);
  await resultsHeading(page).waitFor();
  expect(problems).toEqual([]);
});

it('the same journey works with the keyboard alone: Tab, Enter and Space', async () => {
  const { page, problems } = await openFindPage();
  await page.goto(`${journey.harbour.url}/families/find`);
  await expectHeading(page, 'Find short breaks and activities');

  await tabTo(page, '#place');
  await page.keyboard.type('EX39');
  await tabTo(page, 'summary', 'Needs');
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[value="AUTISM"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'button', 'Apply filters');
  await page.keyboard.press('Enter');

  // Focus moves to the results, so a screen reader hears how many there are.
  await page.waitForURL(/need=AUTISM/);
  await resultsHeading(page).waitFor();
  await expect(focused(page)).resolves.toMatchObject({
    tag: 'H2',
    text: expect.stringMatching(/near EX39/),
  });
  await mapMarkers(page).first().waitFor();
  expect(await results(page).count()).toBeGreaterThan(0);

  // Past the map (one tab stop, no trap) to the first result, and open it.
  await tabTo(page, '.harbour-result a');
  const name = (await focused(page)).text!;
  await page.keyboard.press('Enter');
  await expectHeading(page, name);
  expect(problems).toEqual([]);
});

it('searches the area shown on the map after it is moved, and back to a distance again', async () => {
  const { page, problems } = await openFindPage();
  await page.goto(`${journey.harbour.url}/families/find?place=EX39&distance=5`);
  await resultsHeading(page).waitFor();
  const countIn = async (heading: Locator) => Number((await heading.textContent())!.split(' ')[0]);
  const nearby = await countIn(resultsHeading(page));

  for (let zoom = 0; zoom < 3; zoom += 1) {
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
  }
  const tileZoom = () =>
    page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll<HTMLImageElement>('.leaflet-tile')].map((tile) =>
          Number(new URL(tile.src).pathname.split('/')[1]),
        ),
      ),
    );
  const zoomSearched = await tileZoom();
  await page.getByRole('button', { name: 'Search this area' }).click();
  await page.waitForURL(/area=/);
  const inArea = page.getByRole('heading', {
    level: 2,
    name: /results? in the area shown on the map/,
  });
  await inArea.waitFor();
  expect(await countIn(inArea)).toBeGreaterThan(nearby);
  // The map stays where it was put.
  expect(await tileZoom()).toBe(zoomSearched);
  // Still measured from the postcode searched.
  await expect(results(page).first().textContent()).resolves.toMatch(/km away/);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Search by distance instead' }).click();
  await page.getByLabel('Distance').selectOption('5');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((address) => !address.search.includes('area='));
  await expect(resultsHeading(page).textContent()).resolves.toMatch(/near EX39/);
  expect(problems).toEqual([]);
});

it('pages through every result in Devon with "Show more results", moving focus to the first new one', async () => {
  const { page, problems } = await openFindPage();
  await page.goto(`${journey.harbour.url}/families/find?place=`);
  await page
    .getByRole('heading', { level: 2, name: /results in Devon, Plymouth and Torbay/ })
    .waitFor();
  expect(await results(page).count()).toBe(20);
  // Every result is on the map, not only the first page.
  await mapMarkers(page).first().waitFor();

  await page.getByRole('button', { name: 'Show more results' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.harbour-result').length > 20);
  const twentyFirst = (await results(page).nth(20).getByRole('link').textContent())!;
  await expect(focused(page)).resolves.toMatchObject({ tag: 'A', text: twentyFirst });
  await expect(page.getByText(/^Showing \d+ of \d+ results$/).textContent()).resolves.toMatch(
    /^Showing 40 of/,
  );
  expect(problems).toEqual([]);
});

it('says when a postcode is not in Devon, with the error summary linking to the field', async () => {
  const { page, problems } = await openFindPage();
  await page.goto(`${journey.harbour.url}/families/find`);
  await page.getByLabel('Postcode or town').fill('EX99');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  const summary = page.locator('.govuk-error-summary');
  await expect(summary.textContent()).resolves.toContain(
    'We could not find EX99 in Devon, Plymouth or Torbay',
  );
  await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain(
    'govuk-error-summary',
  );
  await expect(page.title()).resolves.toMatch(/^Error: /);
  expect(await axeViolations(page)).toEqual([]);

  await summary.getByRole('link').click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('place');
  expect(problems).toEqual([]);
});

it('suggests a wider search when nothing matches', async () => {
  const { page } = await openFindPage();
  await page.goto(
    `${journey.harbour.url}/families/find?place=EX39&distance=5&keywords=zzzznothing`,
  );
  await page.getByRole('heading', { level: 2, name: 'No results near EX39 (Bideford)' }).waitFor();
  await page.getByRole('link', { name: 'search within 10 km' }).click();
  await page.waitForURL(/distance=10/);
  expect(await axeViolations(page)).toEqual([]);
});

it('shows "Service not found" for a listing that does not exist', async () => {
  const { page } = await openFindPage();
  await page.goto(`${journey.harbour.url}/services/nothing%3Ahere`);
  await expectHeading(page, 'Service not found');
  expect(await axeViolations(page)).toEqual([]);
});

it('a signed-in parent narrows the search to the services Sam is eligible for', async () => {
  const { page, problems } = await openFindPage();
  const url = journey.harbour.url;
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email address').fill('parent@demo.harbour.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/family`);

  await page.goto(`${url}/families/find?place=`);
  const everything = page.getByRole('heading', { level: 2, name: /results? in Devon/ });
  const allCount = parseInt((await everything.textContent()) ?? '', 10);

  await page.getByLabel('Eligibility').selectOption({ label: 'Only services Sam is eligible for' });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const narrowed = page.getByRole('heading', { level: 2, name: /Sam is eligible for in Devon/ });
  await narrowed.waitFor();
  const eligibleCount = parseInt((await narrowed.textContent()) ?? '', 10);
  expect(eligibleCount).toBeGreaterThan(0);
  expect(eligibleCount).toBeLessThan(allCount);
  const narrowedAddress = page.url();
  expect(narrowedAddress).toContain('eligible-for=');
  expect(await axeViolations(page)).toEqual([]);

  // On a service, each of the family's children with how they fit and why.
  await results(page).first().getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: 'Who in your family can use this?' }).waitFor();
  const sam = page.locator('.govuk-summary-card', { hasText: 'Sam' });
  await expect(sam.locator('.govuk-tag').textContent()).resolves.toBe('Eligible');
  await expect(sam.locator('.harbour-reasons li').first().textContent()).resolves.toMatch(
    /^Met: Open to children/,
  );
  await sam.getByRole('link', { name: /Share Sam’s profile with/ }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // Opened afresh, a search for what Sam is eligible for is made once, once it is known whose
  // child Sam is; when it finds nothing, it offers every service instead.
  const samId = new URL(narrowedAddress).searchParams.get('eligible-for')!;
  const searches = directorySearches(page);
  await page.goto(`${url}/families/find?place=&keywords=zzzznothing&eligible-for=${samId}`);
  await page
    .getByRole('heading', {
      level: 2,
      name: 'No results Sam is eligible for in Devon, Plymouth and Torbay',
    })
    .waitFor();
  await page.waitForLoadState('networkidle');
  expect(searches.map(({ input }) => input.eligibleForChildId)).toEqual([samId]);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'show every service' }).click();
  await page.waitForURL((address) => !address.search.includes('eligible-for'));
  await page
    .getByRole('heading', { level: 2, name: 'No results in Devon, Plymouth and Torbay' })
    .waitFor();
  expect(problems).toEqual([]);
});

it('searches everything, once, for a link to what a child is eligible for opened signed out', async () => {
  const { page, problems } = await openFindPage();
  const searches = directorySearches(page);
  await page.goto(`${journey.harbour.url}/families/find?place=&eligible-for=someone-else`);
  await page
    .getByRole('heading', { level: 2, name: /results in Devon, Plymouth and Torbay$/ })
    .waitFor();
  await page.waitForLoadState('networkidle');
  expect(searches.map(({ input }) => input.eligibleForChildId)).toEqual([undefined]);
  expect(problems).toEqual([]);
});
