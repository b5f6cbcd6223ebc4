// Dates as GOV.UK writes them ("25 November 2026", "9:41am"), always in UK time, whatever the
// time zone of the device.

const londonDateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

// A calendar date (such as a date of birth) has no time zone: read and write it as UTC midnight.
const calendarDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const calendarMonth = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

function partsOf(format: Intl.DateTimeFormat, date: Date) {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(date)) parts[type] = value;
  return parts;
}

/** Today's date in the UK as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  const { year, month, day } = partsOf(londonDateParts, now);
  return `${year}-${month}-${day}`;
}

/** An instant as "25 November 2026, 9:41am", in UK time. */
export function formatDateTime(instant: Date): string {
  const { day, month, year, hour, minute, dayPeriod } = partsOf(londonDateTime, instant);
  return `${day} ${month} ${year}, ${hour}:${minute}${dayPeriod?.toLowerCase() ?? ''}`;
}

/** The UK date of an instant, as "25 November 2026". */
export function formatDate(instant: Date): string {
  return londonDate.format(instant);
}

/** A YYYY-MM-DD date as "3 March 2019". */
export function formatCalendarDate(isoDate: string): string {
  return calendarDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The month of a YYYY-MM-DD date, as "September 2027". */
export function formatCalendarMonth(isoDate: string): string {
  return calendarMonth.format(new Date(`${isoDate}T00:00:00Z`));
}
