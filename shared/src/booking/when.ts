const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** "Saturday 6 March 2027" in Europe/London (GOV.UK style: no comma after the weekday). */
export function londonDay(instant: Date): string {
  return day.format(instant).replace(',', '');
}

/** "4:00pm" in Europe/London, as GOV.UK writes times. */
export function londonTime(instant: Date): string {
  return time
    .format(instant)
    .replace(' ', '')
    .replace(/am|pm/i, (m) => m.toLowerCase());
}

/** "Saturday 6 March 2027, 10:00am to 12:00pm" in Europe/London, whatever the server's zone. */
export function sessionWhen(startsAt: Date, endsAt: Date): string {
  const [from, to] = [londonDay(startsAt), londonDay(endsAt)];
  return from === to
    ? `${from}, ${londonTime(startsAt)} to ${londonTime(endsAt)}`
    : `${from}, ${londonTime(startsAt)} to ${to}, ${londonTime(endsAt)}`;
}
