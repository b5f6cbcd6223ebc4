/// <reference lib="dom" />
import { budgetYearOf, formatMoney, pence } from '@harbour/shared';
import type { Locator, Page } from 'playwright-core';
import { ScheduledSessionModel } from '../../server/src/modules/bookings/booking.model';
import { personalFundId } from '../../server/src/modules/budgets/fund.model';
import { DEMO_TOTP_SECRET, signIn as signInApi } from '../support/accounts';
import { bookableService, createSeries, dayFromToday } from '../support/bookings';
import {
  axeViolations,
  expectHeading,
  openPage,
  signInThroughPage,
  useBrowserJourney,
} from '../support/browser';

// With Stripe's publishable key, as the live service has: the card page tries Stripe.js first.
const journey = useBrowserJourney({
  DEMO_SEED: 'true',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_harbourbrowserjourney',
});

// Far more than Sam's budget, so that a card pays the rest.
const PRICE = 80_000;
const money = (amountPence: number) => formatMoney(pence(amountPence));

const signIn = (page: Page, email: string, returnTo: string, totpSecret?: string) =>
  signInThroughPage(page, journey.harbour.url, email, returnTo, totpSecret);

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** The answer in a summary list row, on the page or in one of its cards. */
const summaryValue = (scope: Page | Locator, key: string) =>
  scope.locator(
    `.govuk-summary-list__row:has(.govuk-summary-list__key:text-is("${key}")) .govuk-summary-list__value`,
  );

const budgetCard = (page: Page, name: string) =>
  page.locator('.govuk-summary-card', {
    has: page.locator('.govuk-summary-card__title', { hasText: name }),
  });

// Each journey carries on from the one before: the booking is paid, then attended, then the
// commissioner tops up Sam's budget from a file, then makes a pooled fund and tops it up again.
let parent: Awaited<ReturnType<typeof openPage>>;
/** The commissioner's page, left on Funds and spending by the CSV journey. */
let commissioner: Awaited<ReturnType<typeof openPage>>;
let family: { authorization: string };
let sessionId: string;
let reference: string;
/** What Sam's budget paid, and the card. */
let split: { budget: number; card: number };
let sam: { id: string; dateOfBirth: string };
let riley: { id: string; dateOfBirth: string };
const samsBudget = () => personalFundId('PERSONAL_BUDGET', sam.id, budgetYearOf().startYear);

beforeAll(async () => {
  const provider = await signInApi(journey.harbour, 'provider@demo.harbour.test');
  const { listingId } = await bookableService(journey.harbour, provider);
  const created = await createSeries(
    journey.harbour,
    provider,
    listingId,
    { pattern: 'ONE_OFF', firstDate: dayFromToday(5) },
    { pricePence: PRICE },
  );
  expect(created.userErrors).toEqual([]);
  sessionId = created.sessions[0]!.id;

  family = await signInApi(journey.harbour, 'parent@demo.harbour.test');
  const { body } = await journey.harbour.graphql<{
    family: { children: { id: string; firstName: string; dateOfBirth: string }[] };
  }>('{ family { children { id firstName dateOfBirth } } }', {}, family);
  const children = body.data!.family.children;
  sam = children.find((child) => child.firstName === 'Sam')!;
  riley = children.find((child) => child.firstName === 'Riley')!;

  parent = await openPage(journey.browser);
  await signIn(parent.page, 'parent@demo.harbour.test', '/family');
});

it('a parent books a session costing more than Sam’s budget, pays the rest by test card and sees the statement', async () => {
  const { page, problems } = parent;
  const url = journey.harbour.url;
  const { body } = await journey.harbour.graphql<{
    budgetAccount: {
      position: { available: { amountPence: number }; held: { amountPence: number } };
    };
  }>(
    'query($id: ID!) { budgetAccount(id: $id) { position { available { amountPence } held { amountPence } } } }',
    { id: samsBudget() },
    family,
  );
  const budgetLeft = body.data!.budgetAccount.position.available.amountPence;
  const heldBefore = body.data!.budgetAccount.position.held.amountPence;
  expect(budgetLeft).toBeGreaterThan(0);
  expect(budgetLeft).toBeLessThan(PRICE);
  const card = PRICE - budgetLeft;
  split = { budget: budgetLeft, card };

  // The family page leads to the budgets, and each budget says where it stands.
  await page.getByRole('link', { name: 'Budgets', exact: true }).click();
  await expectHeading(page, 'Budgets');
  const samsCard = budgetCard(page, 'Sam’s personal budget');
  await expect(summaryValue(samsCard, 'Available to spend').textContent()).resolves.toBe(
    money(budgetLeft),
  );
  await expect(summaryValue(samsCard, 'Held as').textContent()).resolves.toMatch(/^Council-held/);
  await expectAccessible(page);

  // Check your booking shows the split: the budget first, the card for the rest.
  const listing = (await journey.harbour.harbour.services.directory.allListings()).find(
    (l) => l.serviceName === 'Harbour Test Club',
  )!;
  await page.goto(`${url}/families/book/${encodeURIComponent(listing.id)}`);
  await expectHeading(page, 'Book Harbour Test Club');
  await page.getByLabel('Sam').check();
  await page.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Continue' }).press('Enter');
  await expectHeading(page, 'Check your booking');
  await page.getByRole('heading', { name: 'How it will be paid' }).waitFor();
  await expect(summaryValue(page, 'Sam’s personal budget').textContent()).resolves.toBe(
    money(budgetLeft),
  );
  await expect(summaryValue(page, 'Card payment').textContent()).resolves.toBe(
    `${money(card)}, which you pay by card next`,
  );
  await expectAccessible(page);

  // The card page loads Stripe.js from js.stripe.com, which the page's CSP allows. This
  // machine has no internet (the route makes that so wherever the test runs), so Stripe's form
  // cannot load, and outside the live service the clearly labelled test mode takes its place.
  const stripeRequests: string[] = [];
  await page.route('https://js.stripe.com/**', async (route) => {
    stripeRequests.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  const cardPage = page.waitForResponse((response) =>
    response.url().endsWith('/graphql') && response.request().postData()?.includes('CardPayment(')
      ? true
      : false,
  );
  await page.getByRole('button', { name: 'Confirm booking and pay by card' }).press('Enter');
  await expectHeading(page, 'Pay by card');
  await cardPage;
  await page.getByText('Stripe’s card form could not load here').waitFor();
  await page.getByText('Test mode: no real money is taken').waitFor();
  expect(stripeRequests.length).toBeGreaterThan(0);
  expect(stripeRequests.every((request) => request.startsWith('https://js.stripe.com/'))).toBe(
    true,
  );
  const csp = await page.evaluate(async () =>
    (await fetch('/healthz')).headers.get('content-security-policy'),
  );
  expect(csp).toContain("script-src 'self' https://js.stripe.com https://*.js.stripe.com");
  expect(csp).toContain("connect-src 'self' https://api.stripe.com");
  await expectAccessible(page);

  // Until it is paid, the booking waits for the card, and says so.
  await page.getByRole('link', { name: 'Back to your bookings' }).click();
  await expectHeading(page, 'Your bookings');
  const booking = page.locator('.govuk-summary-card', { hasText: 'Sam: Harbour Test Club' });
  await booking.getByText('Card payment due').waitFor();
  await booking.getByText('Reserved', { exact: true }).waitFor();
  await expectAccessible(page);
  await booking
    .getByRole('link', { name: new RegExp(`^Pay ${money(card)} by card for booking`) })
    .click();
  await expectHeading(page, 'Pay by card');
  await page.getByRole('button', { name: `Pay ${money(card)} with Stripe’s test card` }).click();
  await expectHeading(page, 'Your bookings');
  await page.getByText(`${money(card)} paid by card: your booking is confirmed`).waitFor();
  await booking.getByText('Confirmed', { exact: true }).waitFor();
  await expect(summaryValue(booking, 'Paid from').textContent()).resolves.toBe(
    `Sam’s personal budget ${money(budgetLeft)}, Card payment ${money(card)}`,
  );
  reference = (await summaryValue(booking, 'Reference').textContent()) ?? '';
  expect(reference).toMatch(/^HB-/);
  await expectAccessible(page);

  // The budget's money is held for the booking, and its statement says which booking.
  await page.goto(`${url}/families/budgets`);
  await expectHeading(page, 'Budgets');
  await expect(summaryValue(samsCard, 'Available to spend').textContent()).resolves.toBe(money(0));
  await expect(summaryValue(samsCard, 'Held for bookings').textContent()).resolves.toBe(
    money(heldBefore + budgetLeft),
  );
  await samsCard.getByRole('link', { name: 'View statement Sam’s personal budget' }).click();
  await expectHeading(page, 'Sam’s personal budget: statement');
  const held = page.getByRole('row', { name: new RegExp(reference) });
  await expect(held.getByRole('cell').nth(3).textContent()).resolves.toBe(money(-budgetLeft));
  await expect(held.getByRole('cell').nth(5).textContent()).resolves.toBe(money(0));
  await expect(held.getByRole('cell').nth(4).textContent()).resolves.toBe(money(budgetLeft));
  await expect(
    page.getByRole('link', { name: /^Download as CSV/ }).getAttribute('href'),
  ).resolves.toBe(`/api/budgets/${encodeURIComponent(samsBudget())}/statement.csv`);
  await expectAccessible(page);

  // The browser reports each blocked load of Stripe.js, as it would any failed load; those
  // apart, nothing went wrong.
  const blocked = problems.filter((problem) => problem.includes('net::ERR_INTERNET_DISCONNECTED'));
  expect(blocked.length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((problem) => !blocked.includes(problem)));
  expect(problems).toEqual([]);
});

it('the provider sees what it is owed once the child has attended', async () => {
  const provider = await signInApi(journey.harbour, 'provider@demo.harbour.test');
  const { body } = await journey.harbour.graphql<{
    familyBookings: { nodes: { id: string; reference: string }[] };
  }>('{ familyBookings(when: UPCOMING, first: 50) { nodes { id reference } } }', {}, family);
  const bookingId = body.data!.familyBookings.nodes.find((b) => b.reference === reference)!.id;
  await ScheduledSessionModel.updateOne({ _id: sessionId }, { $set: { date: dayFromToday(0) } });
  const marked = await journey.harbour.graphql<{
    bookingAttendanceMark: { userErrors: unknown[] };
  }>(
    'mutation($id: ID!) { bookingAttendanceMark(input: { bookingId: $id, attendance: ATTENDED }) { userErrors { message } } }',
    { id: bookingId },
    provider,
  );
  expect(marked.body.data?.bookingAttendanceMark.userErrors).toEqual([]);

  const { page, problems } = await openPage(journey.browser);
  await signIn(page, 'provider@demo.harbour.test', '/providers/console');
  await page.getByRole('link', { name: 'What you are owed' }).click();
  await page.getByRole('heading', { level: 1, name: /^What you are owed: / }).waitFor();
  // The budget's part and the card's, each a line of its own.
  const lines = page.getByRole('row', { name: new RegExp(reference) });
  await lines.first().waitFor();
  const amounts = await lines.locator('td:nth-child(4)').allTextContents();
  expect(amounts.sort()).toEqual([money(split.budget), money(split.card)].sort());
  await expectAccessible(page);

  // The month chooser goes back a month.
  await page.getByRole('link', { name: /^Previous month/ }).click();
  await page.waitForURL(/statement\?period=\d{4}-\d{2}$/);
  await page.getByRole('link', { name: /^Next month/ }).waitFor();
  await expectAccessible(page);

  expect(problems).toEqual([]);
});

it('a commissioner checks a CSV file, is told which row is wrong, then allocates from it', async () => {
  const url = journey.harbour.url;
  commissioner = await openPage(journey.browser);
  const { page, problems } = commissioner;
  await signIn(page, 'commissioner@demo.harbour.test', '/commissioners', DEMO_TOTP_SECRET);
  await page.getByRole('link', { name: 'Allocate budgets from a file' }).click();
  await expectHeading(page, 'Allocate budgets from a file');
  await expectAccessible(page);

  // No file: the error summary takes focus and links to the question.
  await page.getByRole('button', { name: 'Check the file' }).press('Enter');
  const summary = page.locator('.govuk-error-summary');
  await summary.getByText('Select a CSV file').waitFor();
  await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(
    true,
  );
  await expectAccessible(page);

  const header =
    'child_id,date_of_birth,budget,amount,held_as,service_types,max_per_hour,max_per_session';
  const file = (rows: string[]) => ({
    name: 'budgets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...rows].join('\n')),
  });
  const samRow = `${sam.id},${sam.dateOfBirth},PERSONAL_BUDGET,150.00,COUNCIL_HELD,,,`;
  const upload = page.getByLabel('Upload a CSV file');

  // A row whose date of birth is not the child's is refused, and nothing can be allocated.
  await upload.setInputFiles(
    file([samRow, `${riley.id},2001-01-01,PERSONAL_BUDGET,100,COUNCIL_HELD,,,`]),
  );
  await page.getByRole('button', { name: 'Check the file' }).press('Enter');
  await summary.getByText(/^1 of 2 rows has a problem \(line 3\)/).waitFor();
  await page
    .getByRole('row', { name: /Refused/ })
    .getByText('date_of_birth does not match this child’s: check the child id')
    .waitFor();
  await expect(page.getByRole('button', { name: 'Allocate', exact: true }).count()).resolves.toBe(
    0,
  );
  await expectAccessible(page);

  // Put right, every row is ready; then allocated.
  await upload.setInputFiles(
    file([samRow, `${riley.id},${riley.dateOfBirth},PERSONAL_BUDGET,100,DIRECT_PAYMENT,,,`]),
  );
  await page.getByRole('button', { name: 'Check the file' }).press('Enter');
  await page.getByText('Every row is right. Check what each would do, then allocate.').waitFor();
  await page.getByRole('table', { name: 'What each row would do' }).waitFor();
  await expect(page.getByRole('row', { name: /Ready to allocate/ }).count()).resolves.toBe(2);
  await expect(summary.count()).resolves.toBe(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Allocate', exact: true }).press('Enter');
  await page.getByText(`${money(25_000)} allocated to 2 budgets`).waitFor();
  await expect(page.getByRole('row', { name: /Allocated/ }).count()).resolves.toBe(2);
  await expectAccessible(page);

  // Funds and spending shows the pooled fund and this year's spending.
  await page.getByRole('link', { name: 'Back to funds and spending' }).click();
  await expectHeading(page, 'Funds and spending');
  await page
    .getByRole('heading', { name: /pooled fund/ })
    .first()
    .waitFor();
  await page.getByRole('table', { name: 'Spending by fund, district and service type' }).waitFor();
  await expectAccessible(page);

  // The family sees Sam's new money.
  await parent.page.goto(`${url}/families/budgets`);
  await expectHeading(parent.page, 'Budgets');
  const samsCard = budgetCard(parent.page, 'Sam’s personal budget');
  await expect(summaryValue(samsCard, 'Available to spend').textContent()).resolves.toBe(
    money(15_000),
  );

  expect(problems).toEqual([]);
  expect(parent.problems).toEqual([]);
});

it('the commissioner creates a pooled fund, then allocates a budget to one child, through the forms', async () => {
  const { page, problems } = commissioner;
  const summary = page.locator('.govuk-error-summary');
  const samsCard = budgetCard(parent.page, 'Sam’s personal budget');

  // A new pooled fund: an amount that is not pounds is put right, and the fund is listed.
  await expectHeading(page, 'Funds and spending');
  await page.getByRole('link', { name: 'Create a pooled fund' }).click();
  await expectHeading(page, 'Create a pooled fund');
  await expectAccessible(page);
  await page.getByLabel('Name', { exact: true }).fill('Holiday clubs fund');
  await page.getByLabel('Total in pounds').fill('twenty thousand');
  await page.getByLabel('Each child’s cap for the year, in pounds').fill('400');
  await page.getByLabel('Targeted').check();
  await page.getByLabel('Specialist').check();
  await page.getByRole('button', { name: 'Create pooled fund' }).press('Enter');
  await summary.getByText('Enter the total in pounds and pence, like 50000.00').waitFor();
  await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(
    true,
  );
  await expect(page.title()).resolves.toBe('Error: Create a pooled fund – Harbour');
  await expectAccessible(page);
  await summary.getByRole('link', { name: 'Enter the total in pounds and pence' }).click();
  await expect(
    page.getByLabel('Total in pounds').evaluate((element) => element === document.activeElement),
  ).resolves.toBe(true);
  await page.getByLabel('Total in pounds').fill('20,000');
  await page.getByRole('button', { name: 'Create pooled fund' }).press('Enter');
  await expectHeading(page, 'Funds and spending');
  await page.getByText(`Holiday clubs fund has been created with ${money(2_000_000)}`).waitFor();
  const newFund = budgetCard(page, 'Holiday clubs fund');
  await expect(summaryValue(newFund, 'Available').textContent()).resolves.toBe(money(2_000_000));
  await expect(summaryValue(newFund, 'Most for one child').textContent()).resolves.toBe(
    money(40_000),
  );
  await expect(summaryValue(newFund, 'Who it is for').textContent()).resolves.toBe(
    'Children at these tiers: Targeted, Specialist',
  );
  await expectAccessible(page);

  // One child's budget, from the form: what the form checks is put right first, then the
  // child id Harbour does not know.
  await page.getByRole('link', { name: 'Allocate a budget to one child' }).click();
  await expectHeading(page, 'Allocate a budget to one child');
  await expectAccessible(page);
  const childId = page.getByLabel('Child’s Harbour id');
  await childId.fill('not-a-child');
  await page.getByLabel('Amount in pounds').fill('0');
  await page.getByRole('button', { name: 'Allocate', exact: true }).press('Enter');
  await summary.getByText('The amount must be more than £0').waitFor();
  await summary.getByText(/^Enter the child’s Harbour id exactly as Harbour gave it/).waitFor();
  await summary.getByText('Choose a personal budget or a personal health budget').waitFor();
  await summary.getByText('Choose how the budget is held').waitFor();
  await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(
    true,
  );
  await expectAccessible(page);
  await page.getByLabel('Personal budget', { exact: true }).check();
  await page.getByLabel('Amount in pounds').fill('250');
  await page.getByLabel('Held by the council').check();
  // Shaped like a child's id, but no child's.
  await childId.fill('0123456789abcdef01234567');
  await page.getByRole('button', { name: 'Allocate', exact: true }).press('Enter');
  await summary.getByText('There is no child with this id').waitFor();
  await expect(page.locator('#childId-error').textContent()).resolves.toBe(
    'Error: There is no child with this id',
  );
  await expect(summary.getByText('Choose how the budget is held').count()).resolves.toBe(0);
  await expectAccessible(page);
  await childId.fill(sam.id);
  await page.getByRole('button', { name: 'Allocate', exact: true }).press('Enter');
  await expectHeading(page, 'Funds and spending');
  await page.getByText(`${money(25_000)} allocated to Sam’s personal budget`).waitFor();
  await expectAccessible(page);

  // The family sees it.
  await parent.page.reload();
  await expectHeading(parent.page, 'Budgets');
  await expect(summaryValue(samsCard, 'Available to spend').textContent()).resolves.toBe(
    money(40_000),
  );

  expect(problems).toEqual([]);
  expect(parent.problems).toEqual([]);
});
