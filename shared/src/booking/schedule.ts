import { TZDate } from '@date-fns/tz';
import { RRule, type Options } from 'rrule';
import { z } from 'zod';
import { londonDay } from './when';

/** Wall-clock times are Europe/London: a 4pm club stays at 4pm across the clock changes. */
export const SESSION_TIME_ZONE = 'Europe/London';
export const MAX_SESSIONS_PER_SERIES = 500;

export const SERIES_PATTERNS = ['ONE_OFF', 'WEEKLY', 'FORTNIGHTLY', 'HOLIDAY_SCHEME'] as const;
export type SeriesPattern = (typeof SERIES_PATTERNS)[number];

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const dateSchema = (label: string) =>
  z
    .string({ error: `${label} must be text, like 2027-01-18` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label.toLowerCase()} as a date, like 2027-01-18`)
    .refine(isRealDate, `${label} must be a real date`);
const timeSchema = (label: string) =>
  z
    .string({ error: `${label} must be text, like 16:00` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter ${label.toLowerCase()} as a time, like 16:00`);
const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be ${min} or more`)
    .max(max, `${label} must be ${max} or fewer`);

export const priceSchema = z
  .number({ error: 'Price must be a number of pence' })
  .int('Price must be a whole number of pence')
  .min(0, 'Price cannot be negative')
  .max(100_000_00, 'Price must be £100,000 or less');

/** What a provider sets for every session of a series (and can change per session). */
export const sessionTermsSchema = z.strictObject({
  places: wholeNumber('Places', 1, 500),
  staff: wholeNumber('Staff on shift', 0, 200),
  /** Children one member of staff supports in the group. */
  groupRatio: wholeNumber('Children per member of staff', 1, 30),
  minAge: wholeNumber('Youngest age', 0, 25),
  maxAge: wholeNumber('Oldest age', 0, 25),
  /** Booking opens this many days before a session starts … */
  opensDaysBefore: wholeNumber('Booking opens', 0, 365),
  /** … and closes this many hours before. */
  closesHoursBefore: wholeNumber('Booking closes', 0, 24 * 14),
  pricePence: priceSchema,
  /** Cancelling up to this many hours before is free; later is a late cancellation. */
  freeCancellationHours: wholeNumber('Free cancellation', 0, 24 * 30),
  /** When budgets and cards are charged: at attendance (a no-show too), or at the start. */
  chargeAt: z
    .enum(['ATTENDANCE', 'SESSION_START'], { error: 'Choose when the session is charged' })
    .default('ATTENDANCE'),
});
export type SessionTerms = z.output<typeof sessionTermsSchema>;

export const seriesExceptionSchema = z.strictObject({
  date: dateSchema('Date'),
  /** Moved to another day or time; absent when the date is cancelled. */
  movedTo: z
    .strictObject({
      date: dateSchema('New date'),
      startTime: timeSchema('New start time'),
      endTime: timeSchema('New end time'),
    })
    .nullish(),
});

export const closureSchema = z.strictObject({
  from: dateSchema('First day closed'),
  to: dateSchema('Last day closed'),
  reason: z.string().trim().max(120).default(''),
});

export const seriesScheduleSchema = z
  .strictObject({
    pattern: z.enum(SERIES_PATTERNS, { error: 'Choose how often the sessions run' }),
    firstDate: dateSchema('First date'),
    /** The last date a session may fall on (weekly, fortnightly, holiday scheme). */
    lastDate: dateSchema('Last date').nullish(),
    /** Or how many sessions (weekly, fortnightly). */
    count: wholeNumber('Number of sessions', 1, MAX_SESSIONS_PER_SERIES).nullish(),
    startTime: timeSchema('Start time'),
    endTime: timeSchema('End time'),
    /** Overnight breaks end the next morning. */
    endsNextDay: z.boolean().default(false),
    /** A holiday scheme's days of the week (Monday to Friday unless said). */
    days: z.array(z.enum(WEEKDAYS)).max(7).nullish(),
    exceptions: z.array(seriesExceptionSchema).max(200).default([]),
    closures: z.array(closureSchema).max(50).default([]),
  })
  .superRefine((s, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (!s.endsNextDay && s.endTime <= s.startTime) {
      problem('endTime', 'End time must be after the start time');
    }
    if (s.pattern !== 'ONE_OFF' && !s.lastDate && !s.count) {
      problem('lastDate', 'Enter a last date or a number of sessions');
    }
    if (s.pattern === 'HOLIDAY_SCHEME' && !s.lastDate) {
      problem('lastDate', 'Enter the last day of the holiday scheme');
    }
    if (s.lastDate && s.lastDate < s.firstDate) {
      problem('lastDate', 'Last date must be on or after the first date');
    }
    for (const [index, closure] of s.closures.entries()) {
      if (closure.to < closure.from) {
        ctx.addIssue({
          code: 'custom',
          path: ['closures', index, 'to'],
          message: 'The last day closed must be on or after the first',
        });
      }
    }
    for (const [index, exception] of s.exceptions.entries()) {
      const moved = exception.movedTo;
      if (moved && moved.endTime <= moved.startTime && !s.endsNextDay) {
        ctx.addIssue({
          code: 'custom',
          path: ['exceptions', index, 'movedTo', 'endTime'],
          message: 'End time must be after the start time',
        });
      }
    }
  });
export type SeriesSchedule = z.output<typeof seriesScheduleSchema>;

export interface Occurrence {
  /** The local date the session was planned for (before any move): its stable key in the series. */
  plannedDate: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  moved: boolean;
}

export type Expansion =
  | { occurrences: Occurrence[] }
  /** `path` is within the schedule, when the problem is about one of its answers. */
  | { problem: string; path?: (string | number)[] };

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant of a wall-clock time on a date in Europe/London. */
export function londonInstant(date: string, time: string, plusDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d + plusDays, hh, mm, SESSION_TIME_ZONE).getTime());
}

const asFloating = (date: string) => new Date(`${date}T00:00:00Z`);
const fromFloating = (date: Date) => date.toISOString().slice(0, 10);

function plannedDates(schedule: SeriesSchedule): string[] | null {
  if (schedule.pattern === 'ONE_OFF') return [schedule.firstDate];
  const options: Partial<Options> = {
    dtstart: asFloating(schedule.firstDate),
    ...(schedule.lastDate ? { until: asFloating(schedule.lastDate) } : {}),
    // One more than the limit, so "more than 500" can be told from "exactly 500".
    count: Math.min(schedule.count ?? Infinity, MAX_SESSIONS_PER_SERIES + 1),
  };
  if (schedule.pattern === 'HOLIDAY_SCHEME') {
    const days = schedule.days?.length ? schedule.days : ['MO', 'TU', 'WE', 'TH', 'FR'];
    options.freq = RRule.DAILY;
    options.byweekday = days.map((day) => RRule[day as (typeof WEEKDAYS)[number]]);
  } else {
    options.freq = RRule.WEEKLY;
    options.interval = schedule.pattern === 'FORTNIGHTLY' ? 2 : 1;
  }
  return new RRule(options).all().map(fromFloating);
}

/**
 * Every session a series' schedule gives, in Europe/London wall-clock converted to UTC:
 * the recurrence (RFC 5545, through rrule) less closures and cancelled dates, with moved
 * dates moved. A schedule giving no sessions, or more than 500, is a problem in words.
 */
export function expandSchedule(schedule: SeriesSchedule): Expansion {
  const dates = plannedDates(schedule) ?? [];
  if (dates.length > MAX_SESSIONS_PER_SERIES) {
    return {
      problem: `This pattern gives more than ${MAX_SESSIONS_PER_SERIES} sessions: choose an earlier last date or fewer sessions`,
    };
  }
  const planned = new Set(dates);
  const stray = schedule.exceptions.findIndex((e) => !planned.has(e.date));
  const strayDate = schedule.exceptions[stray]?.date;
  if (strayDate) {
    return {
      problem: `${londonDay(londonInstant(strayDate, '12:00'))} is not one of the dates this pattern gives, so it cannot be cancelled or moved`,
      path: ['exceptions', stray, 'date'],
    };
  }
  const closed = (date: string) =>
    schedule.closures.some((closure) => closure.from <= date && date <= closure.to);
  const exceptions = new Map(schedule.exceptions.map((e) => [e.date, e]));
  const plusDays = schedule.endsNextDay ? 1 : 0;
  const occurrences: Occurrence[] = [];
  for (const plannedDate of dates) {
    if (closed(plannedDate)) continue;
    const exception = exceptions.get(plannedDate);
    if (exception && !exception.movedTo) continue;
    const moved = exception?.movedTo;
    const date = moved?.date ?? plannedDate;
    const startTime = moved?.startTime ?? schedule.startTime;
    const endTime = moved?.endTime ?? schedule.endTime;
    occurrences.push({
      plannedDate,
      date,
      startsAt: londonInstant(date, startTime),
      endsAt: londonInstant(date, endTime, plusDays),
      moved: Boolean(moved),
    });
  }
  if (occurrences.length === 0) {
    return { problem: 'This pattern gives no sessions: check the dates, closures and exceptions' };
  }
  occurrences.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { occurrences };
}
