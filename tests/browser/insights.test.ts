/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DEMO_TOTP_SECRET, signUpFamily } from '../support/accounts';
import {
  axeViolations,
  expectHeading,
  openPage,
  signInThroughPage,
  useBrowserJourney,
} from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

// This machine has no internet: map tiles come from here instead, so no load fails.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const GAP_MAP = 'Where places fall short of need';
const TRANSITION = 'Moving into adult services (16 to 25)';

/** A table by its caption, and the text of its body's cells, row by row. */
const table = (page: Page, caption: string) =>
  page.locator('table', { has: page.locator('caption', { hasText: caption }) });
const bodyRows = (page: Page, caption: string) =>
  table(page, caption)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );

const summaryValue = (page: Page, key: string) =>
  page
    .locator(
      `.govuk-summary-list__row:has(.govuk-summary-list__key:text-is("${key}")) .govuk-summary-list__value`,
    )
    .textContent();

// The commissioner signs in once (a security code works once); each journey carries on from there.
let commissioner: { page: Page; problems: string[] };

/** Years ago today, as YYYY-MM-DD: a date of birth for a child that age. */
const yearsAgo = (years: number) => {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() - years);
  return day.toISOString().slice(0, 10);
};

/**
 * Five families in Bideford (Torridge) each tell Harbour about their autistic 8-year-old, so
 * that one gap cell surely has the 5 children it takes to be shown, whatever the demo's
 * families add to it.
 */
async function fiveAutisticChildrenInBideford() {
  for (let n = 1; n <= 5; n += 1) {
    const family = await signUpFamily(journey.harbour, `bideford-${n}@insights.test`);
    const added = await journey.harbour.graphql<{
      childAdd: { userErrors: unknown[]; child: { id: string } | null };
    }>(
      'mutation($input: ChildAddInput!) { childAdd(input: $input) { userErrors { message } child { id } } }',
      { input: { firstName: `Child${n}`, lastName: 'Bideford', dateOfBirth: yearsAgo(8) } },
      { authorization: family.authorization },
    );
    expect(added.body.data?.childAdd.userErrors).toEqual([]);
    const profile = await journey.harbour.graphql<{
      childProfileUpdate: { userErrors: unknown[] };
    }>(
      'mutation($input: ChildProfileUpdateInput!) { childProfileUpdate(input: $input) { userErrors { message } } }',
      {
        input: {
          childId: added.body.data!.childAdd.child!.id,
          homePostcode: 'EX39 2QQ',
          needs: ['AUTISM'],
        },
      },
      { authorization: family.authorization },
    );
    expect(profile.body.data?.childProfileUpdate.userErrors).toEqual([]);
  }
}

beforeAll(async () => {
  await fiveAutisticChildrenInBideford();
  commissioner = await openPage(journey.browser);
  const { page } = commissioner;
  await page.route(/tile\.openstreetmap\.org/, (route) =>
    route.fulfill({ contentType: 'image/png', body: TILE }),
  );
  await signInThroughPage(
    page,
    journey.harbour.url,
    'commissioner@demo.harbour.test',
    '/commissioners',
    DEMO_TOTP_SECRET,
  );
});

it('sends someone signed out to sign in before the market insights', async () => {
  const { page } = await openPage(journey.browser);
  await page.goto(`${journey.harbour.url}/commissioners/insights/transition`);
  await page.waitForURL(/\/sign-in\?returnTo=%2Fcommissioners%2Finsights%2Ftransition$/);
  await page.context().close();
});

it('a commissioner opens the gap map, follows the biggest gap to what is behind it, and finds the same children counted', async () => {
  const { page, problems } = commissioner;
  await page.getByRole('link', { name: 'Market insights', exact: true }).click();
  await expectHeading(page, GAP_MAP);
  await page
    .getByRole('status')
    .filter({ hasText: /^Figures for \w+ \d{4}$/ })
    .waitFor();

  // The map draws a circle a district; the table after it lists the same districts.
  const districts = await bodyRows(page, 'Gaps by district');
  expect(districts.length).toBeGreaterThan(0);
  await expect(page.locator('.harbour-map path.leaflet-interactive').count()).resolves.toBe(
    districts.length,
  );
  const ranked = await bodyRows(page, 'Biggest gaps, ranked');
  expect(ranked.length).toBeGreaterThan(0);
  const [rank, district, need, ageBand, children] = ranked[0]!;
  // The five children from Bideford are counted, with any the demo already has there.
  const bideford = ranked.find((row) => row.slice(1, 4).join('|') === 'Torridge|Autism|5 to 10');
  expect(Number(bideford?.[4])).toBeGreaterThanOrEqual(5);
  // The chart draws the gaps that have an index, as one image named by what it shows; the
  // ranked table is its twin.
  const withIndex = ranked.filter((row) => /^\d/.test(row[6]!));
  const chart = page.getByRole('img', {
    name: /^Bar chart of the gap index of the \d+ biggest gaps/,
  });
  if (withIndex.length > 0) {
    await chart.waitFor();
    await expect(chart.getAttribute('aria-label')).resolves.toContain(
      `${withIndex[0]![1]}, ${withIndex[0]![2]}, ages ${withIndex[0]![3]}, ${withIndex[0]![6]}`,
    );
  } else {
    await page.getByText('There is no chart: no gap has both children and places').waitFor();
  }
  expect(rank).toBe('1');
  expect(await axeViolations(page)).toEqual([]);

  await page
    .getByRole('link', { name: `View ${district}, ${need}, ages ${ageBand}`, exact: true })
    .click();
  await expectHeading(page, `${district}: ${need}, ages ${ageBand}`);
  await expect(summaryValue(page, 'Children')).resolves.toBe(children);
  await table(page, 'Children by tier')
    .or(page.getByRole('heading', { name: 'Children by tier' }))
    .waitFor();
  await expect(page.getByRole('link', { name: 'Back to the gap map' }).count()).resolves.toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('a commissioner reads who is moving into adult services and downloads a table of it as CSV', async () => {
  const { page, problems } = commissioner;
  await page.getByRole('link', { name: 'Moving into adult services', exact: true }).click();
  await expectHeading(page, TRANSITION);
  const caption = 'Services for young people aged 16 to 25, by district';
  const districts = await bodyRows(page, caption);
  expect(districts.length).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download this table as CSV (${caption})` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^insights-transition-districts-\d{4}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  // A heading with a comma in it is quoted, as RFC 4180 has it.
  expect(lines[0]).toBe(
    'District,Services,"Of those, can go on past 18",Young people,Places a week,Gap index',
  );
  expect(lines).toHaveLength(districts.length + 1);
  expect(lines[1]!.startsWith(districts[0]![0]!)).toBe(true);
  expect(problems).toEqual([]);
});

it('a commissioner opens every other panel, and the report for the joint commissioning group that holds all their tables', async () => {
  const { page, problems } = commissioner;
  const panels = [
    ['Supply', 'Supply of short breaks', 'Places, staff and sessions a week'],
    ['Demand', 'Demand for short breaks', 'Children by district, need, age band and tier'],
    ['Quality', 'Quality of services', 'Services by their latest Ofsted rating'],
    ['Spend', 'Spending and value', 'Cost per hour booked'],
    ['Outcomes', 'Outcomes of the commissioning plan', 'The last 12 months'],
  ] as const;
  /** A table by its caption, or the heading an empty one leaves in its place. */
  const section = (name: string) =>
    table(page, name).or(page.getByRole('heading', { name })).first();
  for (const [link, heading, first] of panels) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await expectHeading(page, heading);
    await section(first).waitFor();
  }
  // The outcomes chart is one image, named by a summary of the months it draws.
  await page.getByRole('img', { name: /^Line chart of the months from / }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // The report has every panel's tables, so one check of it covers theirs.
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await expectHeading(page, 'Short breaks market: report for the joint commissioning group');
  for (const [, , first] of panels) await section(first).waitFor();
  await expect(page.getByRole('button', { name: 'Print this report' }).count()).resolves.toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
