/** Pure rules for accounts: slowing down guessing, session lifetimes, ages. (Password rules are in shared/.) */

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { timeBucketLimit } from '../../platform/rate-limit';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/**
 * How long a key (an email address or a network address) must wait before its next sign-in
 * attempt, given its recent failures: nothing for the first `allowed`, then 30 s doubling
 * per further failure up to 15 minutes, counted from the latest failure. Failures older than
 * the window are forgotten, so nobody is locked out for good.
 */
export function signInWaitMs(failures: readonly Date[], now: Date, allowed: number): number {
  const recent = failures.filter((at) => now.getTime() - at.getTime() < SIGN_IN_WINDOW_MS);
  if (recent.length < allowed) return 0;
  const latest = Math.max(...recent.map((at) => at.getTime()));
  const delay = Math.min(FIRST_DELAY_MS * 2 ** (recent.length - allowed), MAX_DELAY_MS);
  return Math.max(0, latest + delay - now.getTime());
}

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** Commissioners and admins reach many children's data: shorter sessions. */
export const PRIVILEGED_SESSION_ABSOLUTE_MS = 8 * 60 * 60_000;
export const PRIVILEGED_SESSION_IDLE_MS = 30 * 60_000;

export function sessionLifetime(role: string): { absoluteMs: number; idleMs: number } {
  return role === 'COMMISSIONER' || role === 'ADMIN'
    ? { absoluteMs: PRIVILEGED_SESSION_ABSOLUTE_MS, idleMs: PRIVILEGED_SESSION_IDLE_MS }
    : { absoluteMs: SESSION_ABSOLUTE_MS, idleMs: SESSION_IDLE_MS };
}

export function requiresTotp(role: string): boolean {
  return role === 'COMMISSIONER' || role === 'ADMIN';
}

/** Password-reset emails: at most one per address per gap, a few per day, and a cap per network address. */
export const RESET_LIMITS = {
  gapMs: 5 * 60_000,
  perAddressPerDay: 3,
  perNetworkAddressPerHour: 20,
} as const;

/**
 * The limits a password-reset request must pass, for an email address (given as its hash,
 * so the slots never hold it) and the network address it came from. They are the same
 * whether or not the address has an account, so being limited reveals nothing.
 */
export function passwordResetLimits(emailHash: string, networkAddress: string, now: Date) {
  return [
    timeBucketLimit(`reset:email:${emailHash}`, now, RESET_LIMITS.gapMs, 1),
    timeBucketLimit(
      `reset:email-day:${emailHash}`,
      now,
      24 * 60 * 60_000,
      RESET_LIMITS.perAddressPerDay,
    ),
    timeBucketLimit(
      `reset:network:${networkAddress}`,
      now,
      60 * 60_000,
      RESET_LIMITS.perNetworkAddressPerHour,
    ),
  ];
}

/**
 * A UK mobile number as typed ("07700 900982", "+44 7700 900982"), in E.164, or why it is not
 * one. Landlines are refused: texts cannot reach them.
 */
export function parseUkMobile(
  answer: string,
): { mobile: string; display: string } | { error: string } {
  const text = answer.trim();
  if (!text) return { error: 'Enter a mobile phone number' };
  if (!/^[+\d\s()-]+$/.test(text)) {
    return { error: 'Enter a mobile phone number using only numbers, spaces and +' };
  }
  const number = parsePhoneNumberFromString(text, 'GB');
  // Ofcom keeps 07700 900000–900999 for drama and testing (GOV.UK Notify's test numbers are
  // there too): never anyone's phone, so the demo and the tests use it.
  const fictional =
    number?.countryCallingCode === '44' && /^7700900\d{3}$/.test(number.nationalNumber);
  if (!number || (!fictional && (!number.isValid() || number.country !== 'GB'))) {
    return { error: 'Enter a UK mobile phone number, like 07700 900 982' };
  }
  if (!fictional && number.getType() !== 'MOBILE') {
    return { error: 'Enter a mobile phone number: texts cannot be sent to a landline' };
  }
  return { mobile: number.number, display: number.formatNational() };
}

/** How a stored E.164 mobile number reads on a page: "07700 900982". */
export function displayMobile(mobile: string): string {
  return parsePhoneNumberFromString(mobile)?.formatNational() ?? mobile;
}
