import { ageOn, londonToday, requiresTotp, signInWaitMs } from './accounts.rules';

describe('slowing down repeated sign-in failures', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('lets the first failures through without waiting', () => {
    expect(signInWaitMs([ago(10), ago(5)], now, 5)).toBe(0);
  });

  it('makes the caller wait 30 s after the allowance, doubling with each failure', () => {
    const five = [ago(50), ago(40), ago(30), ago(20), ago(10)];
    expect(signInWaitMs(five, now, 5)).toBe(20_000);
    expect(signInWaitMs([...five, ago(1)], now, 5)).toBe(59_000);
  });

  it('never makes anyone wait more than 15 minutes, and forgets old failures', () => {
    const many = Array.from({ length: 40 }, (_, i) => ago(i));
    expect(signInWaitMs(many, now, 5)).toBe(15 * 60_000);
    const old = Array.from({ length: 40 }, (_, i) => ago(16 * 60 + i));
    expect(signInWaitMs(old, now, 5)).toBe(0);
  });
});

describe('ages and days', () => {
  it.each([
    ['2010-11-25', '2026-11-24', 15],
    ['2010-11-25', '2026-11-25', 16],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('someone born %s is aged on %s: %i', (dob, day, age) => {
    expect(ageOn(dob, day)).toBe(age);
  });

  it('takes today in Europe/London, not UTC', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('asks commissioners and admins for a second factor', () => {
    expect(requiresTotp('ADMIN')).toBe(true);
    expect(requiresTotp('FAMILY')).toBe(false);
  });
});
