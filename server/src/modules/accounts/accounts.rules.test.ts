import { requiresTotp, signInWaitMs } from './accounts.rules';

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

describe('second factor', () => {
  it('asks commissioners and admins for a second factor', () => {
    expect(requiresTotp('ADMIN')).toBe(true);
    expect(requiresTotp('FAMILY')).toBe(false);
  });
});
