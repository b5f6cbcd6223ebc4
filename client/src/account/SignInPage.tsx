import { useState, type FormEvent, type MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { GraphQLRequestError } from '../api/graphql';
import { formErrorsFrom, type FormError, type UserError } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { PasswordInput } from '../govuk/PasswordInput';
import { TextInput } from '../govuk/TextInput';
import { useFocusHeadingOnChange } from '../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../shell/usePageTitle';
import { signIn } from './accountApi';
import {
  parseSecurityCode,
  parseSignIn,
  signInFields,
  type SignInAnswers,
  type SignInField,
} from './accountForms';
import { homePathFor, safeReturnPath } from './viewer';
import { useViewer } from './ViewerProvider';

type Credentials = { email: string; password: string };

// Wrong details belong to no one field; showing them at the email address puts them by the form.
const credentialCodes = new Set(['INVALID_CREDENTIALS', 'EMAIL_NOT_VERIFIED']);

/**
 * Email address and password, then, for accounts that have it (commissioners and
 * administrators), a second step for the code from an authenticator app.
 */
export function SignInPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('returnTo'));
  const { refresh } = useViewer();

  const [answers, setAnswers] = useState<SignInAnswers>({ email: '', password: '' });
  const [code, setCode] = useState('');
  // Set once the email address and password are accepted but a security code is still needed.
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const credentialsForm = useFormSubmission<SignInField>();
  const codeForm = useFormSubmission<'totp'>();
  const form = credentials ? codeForm : credentialsForm;

  usePageTitle(credentials ? 'Enter your security code' : 'Sign in', {
    hasErrors: form.hasErrors,
  });
  useFocusHeadingOnChange(credentials === null);

  /** Signs in and moves on, or returns why not. */
  async function attemptSignIn(input: Credentials & { totp: string | null }) {
    const userErrors = await signIn(input);
    if (userErrors.length > 0) return userErrors;
    const viewer = await refresh();
    if (!viewer) throw new GraphQLRequestError('Signed in, but the API has no viewer');
    navigate(returnTo ?? homePathFor(viewer.role), { replace: true });
    return [];
  }

  function sendCredentials(event: FormEvent<HTMLFormElement>) {
    return credentialsForm.submit(event, async () => {
      const parsed = parseSignIn(answers);
      if ('errors' in parsed) return parsed.errors;
      const userErrors = await attemptSignIn({ ...parsed.input, totp: null });
      if (userErrors.some(({ code }) => code === 'TOTP_REQUIRED')) {
        setCode('');
        setCredentials(parsed.input);
        return [];
      }
      return credentialErrors(userErrors);
    });
  }

  function sendCode(event: FormEvent<HTMLFormElement>, credentials: Credentials) {
    return codeForm.submit(event, async () => {
      const parsed = parseSecurityCode(code);
      if ('errors' in parsed) return parsed.errors;
      const userErrors = await attemptSignIn({ ...credentials, totp: parsed.input });
      return securityCodeErrors(userErrors);
    });
  }

  function goBack(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    setCredentials(null);
  }

  if (credentials) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <a href="/sign-in" className="govuk-back-link" onClick={goBack}>
            Back
          </a>
          <FormErrorSummary form={codeForm} unavailableOutcome="You have not been signed in." />
          <form noValidate onSubmit={(event) => sendCode(event, credentials)}>
            <TextInput
              id="totp"
              label="Enter your security code"
              isPageHeading
              hint="Open the authenticator app on your phone and enter the 6-digit code it shows for Harbour."
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              widthClass="govuk-input--width-5"
              value={code}
              onChange={setCode}
              error={codeForm.errorFor('totp')}
            />
            <button type="submit" className="govuk-button">
              Continue
            </button>
          </form>
        </div>
      </div>
    );
  }

  const answer = (field: SignInField) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: credentialsForm.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={credentialsForm}
          unavailableOutcome="You have not been signed in."
        />
        <h1 className="govuk-heading-l">Sign in</h1>
        <form noValidate onSubmit={sendCredentials}>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            {...answer('email')}
          />
          <PasswordInput
            id="password"
            label="Password"
            autoComplete="current-password"
            {...answer('password')}
          />
          <button type="submit" className="govuk-button">
            Sign in
          </button>
        </form>
        <p className="govuk-body">
          <Link to="/forgot-password" className="govuk-link">
            Forgotten your password?
          </Link>
        </p>
        <h2 className="govuk-heading-m">If you do not have an account</h2>
        <p className="govuk-body">
          Parents and carers can{' '}
          <Link to="/sign-up" className="govuk-link">
            create a family account
          </Link>
          .
        </p>
      </div>
    </div>
  );
}

function credentialErrors(userErrors: readonly UserError[]): FormError<SignInField>[] {
  return formErrorsFrom(userErrors, signInFields, ({ code }) =>
    credentialCodes.has(code) ? 'email' : null,
  );
}

function securityCodeErrors(userErrors: readonly UserError[]): FormError<'totp'>[] {
  return formErrorsFrom(userErrors, ['totp'], ({ code }) =>
    code.startsWith('TOTP') ? 'totp' : null,
  );
}
