import {
  emailSchema,
  organisationNameSchema,
  PASSWORD_MIN_LENGTH,
  passwordProblems,
  textSchema,
} from '@harbour/shared';
import type { FormError } from '../api/userErrors';

export const newPasswordHint = `Use at least ${PASSWORD_MIN_LENGTH} characters. Do not use your email address or a common password, like "password123".`;

const displayNameSchema = textSchema('Your name', { min: 1, max: 100 });

type Parsed<Input, Field extends string> = { input: Input } | { errors: FormError<Field>[] };
type Checked<Value> = { value: Value; error?: undefined } | { value?: undefined; error: string };

/** The email address as the API stores it, or what is wrong with it. */
function checkEmail(answer: string, whenEmpty = 'Enter your email address'): Checked<string> {
  if (answer.trim() === '') return { error: whenEmpty };
  const result = emailSchema.safeParse(answer);
  return result.success
    ? { value: result.data }
    : { error: result.error.issues[0]?.message ?? 'Enter a valid email address' };
}

function checkDisplayName(answer: string): Checked<string> {
  const result = displayNameSchema.safeParse(answer);
  return result.success
    ? { value: result.data }
    : { error: result.error.issues[0]?.message ?? 'Enter your name' };
}

/** A new password and its confirmation, as far as the form can check them. */
function newPasswordErrors(
  password: string,
  confirmPassword: string,
  email?: string,
): FormError<'password' | 'confirmPassword'>[] {
  const errors: FormError<'password' | 'confirmPassword'>[] = [];
  if (password === '') {
    errors.push({ field: 'password', message: 'Enter a password' });
  } else {
    // The same rules, and words, as the API.
    const [problem] = passwordProblems(password, email ?? '');
    if (problem) errors.push({ field: 'password', message: problem });
  }
  if (confirmPassword === '') {
    errors.push({ field: 'confirmPassword', message: 'Confirm your password' });
  } else if (password !== '' && confirmPassword !== password) {
    errors.push({ field: 'confirmPassword', message: 'Passwords do not match' });
  }
  return errors;
}

function errorsOf<Field extends string>(checks: [Field, Checked<unknown>][]): FormError<Field>[] {
  return checks.flatMap(([field, check]) =>
    check.error === undefined ? [] : [{ field, message: check.error }],
  );
}

export const signUpFields = ['displayName', 'email', 'password', 'confirmPassword'] as const;
export type SignUpField = (typeof signUpFields)[number];
export type SignUpAnswers = Record<SignUpField, string>;

export function parseSignUp(
  answers: SignUpAnswers,
): Parsed<{ displayName: string; email: string; password: string }, SignUpField> {
  const displayName = checkDisplayName(answers.displayName);
  const email = checkEmail(answers.email);
  const errors: FormError<SignUpField>[] = [
    ...errorsOf<SignUpField>([
      ['displayName', displayName],
      ['email', email],
    ]),
    ...newPasswordErrors(answers.password, answers.confirmPassword, email.value),
  ];
  if (errors.length > 0 || displayName.error !== undefined || email.error !== undefined) {
    return { errors };
  }
  return {
    input: { displayName: displayName.value, email: email.value, password: answers.password },
  };
}

function checkOrganisationName(answer: string): Checked<string> {
  if (answer.trim() === '') return { error: 'Enter your organisation’s name' };
  const result = organisationNameSchema.safeParse(answer);
  return result.success
    ? { value: result.data }
    : { error: result.error.issues[0]?.message ?? 'Enter your organisation’s name' };
}

export const providerSignUpFields = [...signUpFields, 'organisationName'] as const;
export type ProviderSignUpField = (typeof providerSignUpFields)[number];

/** A provider's sign-up: the organisation's name, then the usual account questions. */
export function parseProviderSignUp(
  answers: SignUpAnswers,
  organisationName: string,
): Parsed<
  { displayName: string; email: string; password: string; organisationName: string },
  ProviderSignUpField
> {
  const name = checkOrganisationName(organisationName);
  const account = parseSignUp(answers);
  const nameErrors = errorsOf<ProviderSignUpField>([['organisationName', name]]);
  if ('errors' in account) return { errors: [...nameErrors, ...account.errors] };
  if (name.error !== undefined) return { errors: nameErrors };
  return { input: { ...account.input, organisationName: name.value } };
}

export const signInFields = ['email', 'password'] as const;
export type SignInField = (typeof signInFields)[number];
export type SignInAnswers = Record<SignInField, string>;

export function parseSignIn(
  answers: SignInAnswers,
): Parsed<{ email: string; password: string }, SignInField> {
  const email = checkEmail(answers.email);
  const password: Checked<string> =
    answers.password === '' ? { error: 'Enter your password' } : { value: answers.password };
  if (email.error !== undefined || password.error !== undefined) {
    return {
      errors: errorsOf<SignInField>([
        ['email', email],
        ['password', password],
      ]),
    };
  }
  return { input: { email: email.value, password: password.value } };
}

/** The 6-digit code from an authenticator app, which people often type with a space in it. */
export function parseSecurityCode(answer: string): Parsed<string, 'totp'> {
  const code = answer.replace(/\s/g, '');
  if (code === '') {
    return { errors: [{ field: 'totp', message: 'Enter the code from your authenticator app' }] };
  }
  if (!/^\d{6}$/.test(code)) {
    return { errors: [{ field: 'totp', message: 'The code must be 6 digits, like 123456' }] };
  }
  return { input: code };
}

/** One email address; `whenEmpty` says whose it is, for addresses of someone else's. */
export function parseEmailAddress(
  answer: string,
  whenEmpty = 'Enter your email address',
): Parsed<string, 'email'> {
  const email = checkEmail(answer, whenEmpty);
  return email.error === undefined
    ? { input: email.value }
    : { errors: [{ field: 'email', message: email.error }] };
}

export const newPasswordFields = ['password', 'confirmPassword'] as const;
export type NewPasswordField = (typeof newPasswordFields)[number];

export function parseNewPassword(
  answers: Record<NewPasswordField, string>,
): Parsed<string, NewPasswordField> {
  const errors = newPasswordErrors(answers.password, answers.confirmPassword);
  return errors.length > 0 ? { errors } : { input: answers.password };
}

export const invitationAcceptanceFields = [
  'displayName',
  'password',
  'confirmPassword',
  'totp',
] as const;
export type InvitationAcceptanceField = (typeof invitationAcceptanceFields)[number];
export type InvitationAcceptanceAnswers = Record<InvitationAcceptanceField, string>;

/**
 * A new account made from an invitation. The email address is the invitation's, so the password
 * is checked against it; commissioners also give the code that proves their authenticator works.
 */
export function parseInvitationAcceptance(
  answers: InvitationAcceptanceAnswers,
  { email, needsSecurityCode }: { email: string; needsSecurityCode: boolean },
): Parsed<
  { displayName: string; password: string; totp: string | null },
  InvitationAcceptanceField
> {
  const displayName = checkDisplayName(answers.displayName);
  const code: Parsed<string | null, 'totp'> = needsSecurityCode
    ? parseSecurityCode(answers.totp)
    : { input: null };
  const errors: FormError<InvitationAcceptanceField>[] = [
    ...errorsOf<InvitationAcceptanceField>([['displayName', displayName]]),
    ...newPasswordErrors(answers.password, answers.confirmPassword, email),
    ...('errors' in code ? code.errors : []),
  ];
  if (errors.length > 0 || displayName.error !== undefined || 'errors' in code) {
    return { errors };
  }
  return {
    input: { displayName: displayName.value, password: answers.password, totp: code.input },
  };
}
