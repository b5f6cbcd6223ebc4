/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { ScheduledSessionModel } from '../../server/src/modules/bookings/booking.model';
import { DEMO_PASSWORD, signInDemo } from '../support/accounts';
import { bookableService, dayFromToday } from '../support/bookings';
import { axeViolations, expectHeading, openPage, useBrowserJourney } from '../support/browser';

const journey = useBrowserJourney({ DEMO_SEED: 'true' });

async function signIn(page: Page, email: string, returnTo: string) {
  const url = journey.harbour.url;
  await page.goto(`${url}/sign-in?${new URLSearchParams({ returnTo })}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}${returnTo}`);
}

/** Types a date into a GOV.UK date input. */
async function typeDate(page: Page, id: string, isoDate: string) {
  const [year, month, day] = isoDate.split('-');
  await page.locator(`#${id}-day`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year!);
}

async function setNumber(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

it('a provider adds sessions; families book, cancel, wait and accept an offer; the provider takes the register', async () => {
  const url = journey.harbour.url;
  const demo = await signInDemo(journey.harbour);
  await bookableService(journey.harbour, demo.provider);

  // The provider adds a weekly course and a holiday scheme.
  const provider = await openPage(journey.browser);
  await signIn(provider.page, 'provider@demo.harbour.test', '/providers/console');
  await provider.page.getByRole('link', { name: 'Your sessions, bookings and registers' }).click();
  await provider.page.getByRole('heading', { level: 1, name: /^Sessions: week of / }).waitFor();
  await expectAccessible(provider.page);

  await provider.page.getByRole('link', { name: 'Add sessions' }).click();
  await expectHeading(provider.page, 'Add sessions');
  await expectAccessible(provider.page);
  // Nothing answered: the errors say what to put right.
  await provider.page.getByRole('button', { name: 'Add sessions' }).press('Enter');
  await provider.page
    .locator('.govuk-error-summary')
    .getByText('Choose how often the sessions run')
    .waitFor();
  await expectAccessible(provider.page);

  await provider.page
    .getByLabel('Service and place')
    .selectOption({ label: 'Harbour Test Club at Sunrise Barnstaple' });
  await provider.page.getByLabel('Every week', { exact: true }).check();
  await typeDate(provider.page, 'firstDate', dayFromToday(3));
  await provider.page.getByLabel('Number of sessions (optional)').fill('3');
  await setNumber(provider.page, 'Places', '2');
  await setNumber(provider.page, 'Staff on shift', '6');
  await setNumber(provider.page, 'Youngest age', '0');
  await setNumber(provider.page, 'Oldest age', '25');
  await setNumber(provider.page, 'Booking closes, in hours before each session', '0');
  await provider.page.getByLabel('Price per session, in pounds').fill('12.50');
  await provider.page.getByRole('button', { name: 'Add sessions' }).press('Enter');
  await provider.page.getByText('3 sessions have been added').waitFor();
  await expectAccessible(provider.page);

  await provider.page.getByRole('link', { name: 'Add sessions' }).click();
  await provider.page
    .getByLabel('Service and place')
    .selectOption({ label: 'Harbour Test Club at Sunrise Barnstaple' });
  await provider.page.getByLabel('Every weekday, as a holiday scheme').check();
  await typeDate(provider.page, 'firstDate', dayFromToday(21));
  await typeDate(provider.page, 'lastDate', dayFromToday(27));
  await provider.page.getByLabel('Start time').fill('09:30');
  await provider.page.getByLabel('End time').fill('15:30');
  await provider.page.getByRole('button', { name: 'Add sessions' }).press('Enter');
  await provider.page.getByText('5 sessions have been added').waitFor();

  // A parent books the whole course for Riley and one session for Sam.
  const parent = await openPage(journey.browser);
  const listing = (await journey.harbour.harbour.services.directory.allListings()).find(
    (l) => l.serviceName === 'Harbour Test Club',
  )!;
  await signIn(
    parent.page,
    'parent@demo.harbour.test',
    `/services/${encodeURIComponent(listing.id)}`,
  );
  await parent.page.getByRole('heading', { name: 'Sessions and booking' }).waitFor();
  await expectAccessible(parent.page);
  await parent.page.getByRole('link', { name: 'Book a place' }).click();
  await expectHeading(parent.page, 'Book Harbour Test Club');
  await expectAccessible(parent.page);
  await parent.page.getByLabel('Riley').check();
  await parent.page.getByRole('button', { name: /^Choose all/ }).click();
  const weekly = (await parent.page.getByRole('checkbox').all()).slice(0, 3);
  await parent.page.getByRole('button', { name: 'Continue' }).press('Enter');
  await expectHeading(parent.page, 'Check your booking');
  await parent.page.getByText('Sessions (8)').waitFor();
  await expectAccessible(parent.page);
  // Back to choose only the three weekly sessions as a block.
  await parent.page.getByRole('button', { name: 'Back' }).click();
  expect(weekly).toHaveLength(3);
  await parent.page.getByLabel('Riley').check();
  for (const [i, box] of (await parent.page.getByRole('checkbox').all()).entries()) {
    if (i < 3) await box.check();
  }
  await parent.page.getByRole('button', { name: 'Continue' }).press('Enter');
  await parent.page.getByText('Sessions (3)').waitFor();
  await parent.page.getByText('£37.50, paid to the provider').waitFor();
  await parent.page.getByLabel('About me: what helps, likes and dislikes').check();
  await parent.page.getByLabel('Emergency contacts').check();
  await parent.page.getByRole('button', { name: 'Confirm booking' }).press('Enter');
  await expectHeading(parent.page, 'Your bookings');
  await parent.page.getByText('3 bookings confirmed for Riley').waitFor();
  await expectAccessible(parent.page);

  await parent.page.goto(`${url}/families/book/${encodeURIComponent(listing.id)}`);
  await parent.page.getByLabel('Sam').check();
  await parent.page.getByRole('checkbox').first().check();
  await parent.page.getByRole('button', { name: 'Continue' }).press('Enter');
  await parent.page.getByRole('button', { name: 'Confirm booking' }).press('Enter');
  await parent.page.getByText('Booking confirmed for Sam').waitFor();
  const cards = (name: string) =>
    parent.page.locator('.govuk-summary-card', { hasText: `${name}: Harbour Test Club` });
  await cards('Riley').nth(2).waitFor();
  await expect(cards('Riley').count()).resolves.toBe(3);
  await expect(cards('Sam').count()).resolves.toBe(1);

  // A second parent finds the first session full and joins its waiting list.
  const other = await openPage(journey.browser);
  await signIn(
    other.page,
    'parent2@demo.harbour.test',
    `/families/book/${encodeURIComponent(listing.id)}`,
  );
  await other.page.getByLabel('Alex').check();
  await other.page.getByRole('checkbox').first().check();
  await other.page.getByRole('button', { name: 'Continue' }).press('Enter');
  await other.page.getByText('Alex will join the waiting list', { exact: false }).waitFor();
  await expectAccessible(other.page);
  await other.page.getByRole('button', { name: 'Confirm booking' }).press('Enter');
  await other.page.getByText('Alex is on the waiting list').waitFor();
  await other.page
    .locator('.govuk-summary-card', { hasText: 'Alex: Harbour Test Club' })
    .getByText('Number 1 in the queue')
    .waitFor();

  // The first parent cancels Sam's place, told first what it counts as.
  await parent.page
    .locator('.govuk-summary-card', { hasText: 'Sam: Harbour Test Club' })
    .getByRole('link', { name: /^Cancel booking/ })
    .click();
  await expectHeading(parent.page, 'Are you sure you want to cancel this booking?');
  await parent.page.getByText('Cancelling now is free.').waitFor();
  await expectAccessible(parent.page);
  await parent.page.getByRole('button', { name: 'Yes, cancel this booking' }).press('Enter');
  await parent.page.getByText(/^Booking HB-.* has been cancelled$/).waitFor();

  // The place goes to Alex: the email is in the development mailbox, the offer on Harbour.
  await journey.harbour.harbour.worker.drain();
  await other.page.goto(`${url}/dev/mailbox`);
  await other.page.getByText('A place for Alex at Harbour Test Club: reply by').first().waitFor();
  await other.page.goto(`${url}/families/bookings`);
  await other.page
    .locator('.govuk-summary-card', { hasText: 'Alex: Harbour Test Club' })
    .getByText('Place offered')
    .waitFor();
  await expectAccessible(other.page);
  await other.page.getByRole('button', { name: 'Accept the place for Alex' }).press('Enter');
  await other.page.getByText(/^The place is Alex’s: booking HB-.* is confirmed$/).waitFor();

  // The provider opens the register from the calendar, and the day of the session comes.
  await provider.page.goto(`${url}/providers/console/sessions?week=${dayFromToday(3)}`);
  await provider.page.getByText('2 of 2 (full)').first().waitFor();
  await provider.page
    .getByRole('link', { name: /^Register for Harbour Test Club/ })
    .first()
    .click();
  await provider.page.getByRole('heading', { name: /^Register: / }).waitFor();
  await ScheduledSessionModel.updateOne(
    { date: dayFromToday(3) },
    { $set: { date: dayFromToday(0) } },
  );
  await provider.page.reload();
  await provider.page.getByRole('heading', { name: /^Register: / }).waitFor();
  const riley = provider.page.locator('.govuk-summary-card', { hasText: 'Riley' });
  await riley.getByText('Emergency contacts').waitFor();
  await provider.page.locator('.govuk-summary-card', { hasText: 'Alex' }).waitFor();
  await expectAccessible(provider.page);
  await riley.getByRole('button', { name: /^Present/ }).press('Enter');
  await provider.page.getByText('Riley marked as present').waitFor();
  await expectAccessible(provider.page);

  // Fewer places than are booked is refused with the number booked; more are saved.
  await setNumber(provider.page, 'Places', '1');
  await provider.page.getByRole('button', { name: 'Save places and staff' }).press('Enter');
  await provider.page
    .locator('.govuk-error-summary')
    .getByText('2 places are booked, so this session cannot have fewer than 2 places')
    .waitFor();
  await expectAccessible(provider.page);
  await setNumber(provider.page, 'Places', '3');
  await provider.page.getByRole('button', { name: 'Save places and staff' }).press('Enter');
  await provider.page.getByText('Places and staff saved').waitFor();
  await provider.page.getByText('2 of 3').waitFor();

  // A weekly club with a closure and a session moved; a date outside the pattern is refused.
  await provider.page.goto(`${url}/providers/console/sessions/new`);
  await expectHeading(provider.page, 'Add sessions');
  await provider.page
    .getByLabel('Service and place')
    .selectOption({ label: 'Harbour Test Club at Sunrise Barnstaple' });
  await provider.page.getByLabel('Every week', { exact: true }).check();
  await typeDate(provider.page, 'firstDate', dayFromToday(35));
  await provider.page.getByLabel('Number of sessions (optional)').fill('4');
  await provider.page.getByRole('button', { name: 'Add a closure' }).press('Enter');
  await typeDate(provider.page, 'closure-0-from', dayFromToday(42));
  await typeDate(provider.page, 'closure-0-to', dayFromToday(43));
  await provider.page.getByLabel('Reason (optional)').first().fill('Staff training');
  await provider.page.getByRole('button', { name: 'Add a changed date' }).press('Enter');
  await typeDate(provider.page, 'exception-0-date', dayFromToday(50));
  await provider.page.getByLabel('The session moves to another day or time').check();
  await typeDate(provider.page, 'exception-0-newDate', dayFromToday(51));
  await provider.page.getByLabel('New start time').fill('10:00');
  await provider.page.getByLabel('New end time').fill('12:00');
  await expectAccessible(provider.page);
  await provider.page.getByRole('button', { name: 'Add sessions', exact: true }).press('Enter');
  await provider.page
    .locator('.govuk-error-summary')
    .getByText(/is not one of the dates this pattern gives/)
    .waitFor();
  await expectAccessible(provider.page);
  await typeDate(provider.page, 'exception-0-date', dayFromToday(49));
  await provider.page.getByRole('button', { name: 'Add sessions', exact: true }).press('Enter');
  await provider.page.getByText('3 sessions have been added').waitFor();

  for (const { problems } of [provider, parent, other]) expect(problems).toEqual([]);
});
