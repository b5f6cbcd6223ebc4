import fc from 'fast-check';
import { expandSchedule, MAX_SESSIONS_PER_SERIES, seriesScheduleSchema } from './schedule';

const schedule = (input: Record<string, unknown>) =>
  seriesScheduleSchema.parse({ startTime: '16:00', endTime: '18:00', ...input });
const occurrences = (input: Record<string, unknown>) => {
  const expanded = expandSchedule(schedule(input));
  if ('problem' in expanded) throw new Error(expanded.problem);
  return expanded.occurrences;
};

describe('expanding a series into sessions', () => {
  it('keeps a weekly 4pm club at 4pm across the clock change in March', () => {
    const sessions = occurrences({ pattern: 'WEEKLY', firstDate: '2027-03-22', count: 2 });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-03-22T16:00:00.000Z', // GMT
      '2027-03-29T15:00:00.000Z', // BST: still 4pm in Devon
    ]);
  });

  it('and across the change back in October', () => {
    const sessions = occurrences({ pattern: 'WEEKLY', firstDate: '2027-10-25', count: 2 });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-10-25T15:00:00.000Z', // BST
      '2027-11-01T16:00:00.000Z', // GMT from 31 October
    ]);
  });

  it('runs fortnightly until a last date', () => {
    const sessions = occurrences({
      pattern: 'FORTNIGHTLY',
      firstDate: '2027-01-09',
      lastDate: '2027-02-20',
    });
    expect(sessions.map((s) => s.date)).toEqual([
      '2027-01-09',
      '2027-01-23',
      '2027-02-06',
      '2027-02-20',
    ]);
  });

  it('makes a holiday scheme of weekday day sessions', () => {
    const sessions = occurrences({
      pattern: 'HOLIDAY_SCHEME',
      firstDate: '2027-02-15',
      lastDate: '2027-02-21',
      startTime: '09:30',
      endTime: '15:30',
    });
    expect(sessions.map((s) => s.date)).toEqual([
      '2027-02-15',
      '2027-02-16',
      '2027-02-17',
      '2027-02-18',
      '2027-02-19',
    ]);
  });

  it('leaves out closures and cancelled dates, and moves a moved date', () => {
    const sessions = occurrences({
      pattern: 'WEEKLY',
      firstDate: '2027-12-06',
      count: 6,
      closures: [{ from: '2027-12-20', to: '2028-01-02', reason: 'Christmas' }],
      exceptions: [
        { date: '2027-12-13' },
        {
          date: '2028-01-03',
          movedTo: { date: '2028-01-04', startTime: '17:00', endTime: '19:00' },
        },
      ],
    });
    expect(sessions.map((s) => [s.plannedDate, s.date, s.moved])).toEqual([
      ['2027-12-06', '2027-12-06', false],
      ['2028-01-03', '2028-01-04', true],
      ['2028-01-10', '2028-01-10', false],
    ]);
    expect(sessions[1]!.startsAt.toISOString()).toBe('2028-01-04T17:00:00.000Z');
  });

  it('ends an overnight break the next morning', () => {
    const [night] = occurrences({
      pattern: 'ONE_OFF',
      firstDate: '2027-06-11',
      startTime: '17:00',
      endTime: '10:00',
      endsNextDay: true,
    });
    expect(night!.startsAt.toISOString()).toBe('2027-06-11T16:00:00.000Z');
    expect(night!.endsAt.toISOString()).toBe('2027-06-12T09:00:00.000Z');
  });

  it('says when a pattern gives no sessions', () => {
    expect(
      expandSchedule(
        schedule({
          pattern: 'ONE_OFF',
          firstDate: '2027-01-04',
          exceptions: [{ date: '2027-01-04' }],
        }),
      ),
    ).toEqual({
      problem: 'This pattern gives no sessions: check the dates, closures and exceptions',
    });
  });

  it('refuses to cancel or move a date the pattern does not give, naming it', () => {
    expect(
      expandSchedule(
        schedule({
          pattern: 'WEEKLY',
          firstDate: '2027-01-04',
          count: 4,
          exceptions: [{ date: '2027-01-11' }, { date: '2027-01-12' }],
        }),
      ),
    ).toEqual({
      problem:
        'Tuesday 12 January 2027 is not one of the dates this pattern gives, so it cannot be cancelled or moved',
      path: ['exceptions', 1, 'date'],
    });
  });

  it('refuses more than 500 sessions', () => {
    const expanded = expandSchedule(
      schedule({ pattern: 'HOLIDAY_SCHEME', firstDate: '2027-01-01', lastDate: '2030-12-31' }),
    );
    expect(expanded).toEqual({
      problem: `This pattern gives more than ${MAX_SESSIONS_PER_SERIES} sessions: choose an earlier last date or fewer sessions`,
    });
  });

  it('refuses a session ending before it starts, in words', () => {
    const parsed = seriesScheduleSchema.safeParse({
      pattern: 'ONE_OFF',
      firstDate: '2027-01-04',
      startTime: '16:00',
      endTime: '15:00',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['endTime'],
      message: 'End time must be after the start time',
    });
  });

  it('asks how a repeating series ends', () => {
    const parsed = seriesScheduleSchema.safeParse({
      pattern: 'WEEKLY',
      firstDate: '2027-01-04',
      startTime: '16:00',
      endTime: '17:00',
    });
    expect(parsed.error?.issues[0]?.message).toBe('Enter a last date or a number of sessions');
  });

  it('gives every weekly session at the same wall-clock time, in order, on the right weekday', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 7, max: 20 }),
        (start, count, hour) => {
          const firstDate = start.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:15`;
          const sessions = occurrences({
            pattern: 'WEEKLY',
            firstDate,
            count,
            startTime: time,
            endTime: `${String(hour + 1).padStart(2, '0')}:15`,
          });
          const local = new Intl.DateTimeFormat('en-GB', {
            timeZone: 'Europe/London',
            weekday: 'short',
            hour: '2-digit',
            minute: '2-digit',
          });
          const first = local.format(sessions[0]!.startsAt);
          return (
            sessions.length === count &&
            sessions.every((s) => local.format(s.startsAt) === first) &&
            sessions.every((s, i) => i === 0 || s.startsAt > sessions[i - 1]!.startsAt)
          );
        },
      ),
    );
  });
});
