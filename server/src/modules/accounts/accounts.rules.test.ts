import {
  displayMobile,
  parseUkMobile,
  passwordResetLimits,
  RESET_LIMITS,
  requiresTotp,
  signInWaitMs,
} from './accounts.rules';

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

describe('limits on password-reset emails', () => {
  const now = new Date('2026-12-05T10:00:00Z');

  it('allows one email per address per gap, a daily cap, and a cap per network address', () => {
    const [gap, day, network] = passwordResetLimits('hash-of-email', '203.0.113.9', now);
    expect(gap!.slots).toHaveLength(1);
    expect(day!.slots).toHaveLength(RESET_LIMITS.perAddressPerDay);
    expect(network!.slots).toHaveLength(RESET_LIMITS.perNetworkAddressPerHour);
    expect(gap!.expiresAt.getTime() - now.getTime()).toBeLessThanOrEqual(RESET_LIMITS.gapMs);
  });

  it('never puts the email address itself in a slot key', () => {
    const keys = passwordResetLimits('hash-of-email', '203.0.113.9', now).flatMap((l) => l.slots);
    expect(keys.every((key) => !key.includes('@'))).toBe(true);
  });

  it('shares the network cap between different email addresses', () => {
    const a = passwordResetLimits('hash-a', '203.0.113.9', now)[2]!;
    const b = passwordResetLimits('hash-b', '203.0.113.9', now)[2]!;
    expect(a.slots).toEqual(b.slots);
  });
});

describe('UK mobile numbers for texts', () => {
  it('takes a number however it is typed and keeps it in E.164', () => {
    for (const typed of [
      '07700 900982',
      '+44 7700 900982',
      '(07700) 900-982',
      '0044 7700 900982',
    ]) {
      expect(parseUkMobile(typed)).toEqual({ mobile: '+447700900982', display: '07700 900982' });
    }
    expect(parseUkMobile('075 1234 5678')).toEqual({
      mobile: '+447512345678',
      display: '07512 345678',
    });
  });

  it('refuses landlines, numbers abroad, nonsense and nothing, saying which', () => {
    expect(parseUkMobile('01392 123456')).toEqual({
      error: 'Enter a mobile phone number: texts cannot be sent to a landline',
    });
    expect(parseUkMobile('+33 6 12 34 56 78')).toEqual({
      error: 'Enter a UK mobile phone number, like 07700 900 982',
    });
    expect(parseUkMobile('0770')).toEqual({
      error: 'Enter a UK mobile phone number, like 07700 900 982',
    });
    expect(parseUkMobile('call me')).toEqual({
      error: 'Enter a mobile phone number using only numbers, spaces and +',
    });
    expect(parseUkMobile('  ')).toEqual({ error: 'Enter a mobile phone number' });
  });

  it('shows a stored number the way people write it', () => {
    expect(displayMobile('+447700900982')).toBe('07700 900982');
  });
});
