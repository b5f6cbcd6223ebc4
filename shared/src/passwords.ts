/** Password rules shared by the sign-up and reset forms and the API, so both say the same. */

export const PASSWORD_MIN_LENGTH = 10;

/** A short list of the passwords most tried first; longer lists belong in a breach check. */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'harbour123',
  'devon12345',
  'changeme123',
  'abcdefghij',
  'qwerty1234',
]);

/** What is wrong with a new password, in words a person can act on; empty when it is fine. */
export function passwordProblems(password: string, email: string): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [`Password must be ${PASSWORD_MIN_LENGTH} characters or more`];
  }
  if (password.length > 200) return ['Password must be 200 characters or fewer'];
  const lower = password.toLowerCase();
  if (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase()) {
    return ['Password must not be your email address'];
  }
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    return ['Password is too easy to guess. Try 3 random words together'];
  }
  return [];
}
