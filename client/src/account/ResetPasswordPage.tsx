import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formErrorsFrom, type UserError } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { useFocusHeadingOnChange } from '../shell/useFocusHeadingOnNavigate';
import { NewPasswordFields } from './NewPasswordFields';
import { usePageTitle } from '../shell/usePageTitle';
import { resetPassword } from './accountApi';
import { newPasswordFields, parseNewPassword, type NewPasswordField } from './accountForms';

type Status = 'editing' | 'changed' | 'link-expired';

/** Where the link in the password reset email leads. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const [answers, setAnswers] = useState<Record<NewPasswordField, string>>({
    password: '',
    confirmPassword: '',
  });
  const [status, setStatus] = useState<Status>(token ? 'editing' : 'link-expired');
  const form = useFormSubmission<NewPasswordField>();

  usePageTitle(
    status === 'changed'
      ? 'Your password has been changed'
      : status === 'link-expired'
        ? 'This link has expired or has already been used'
        : 'Create a new password',
    { hasErrors: status === 'editing' && form.hasErrors },
  );
  useFocusHeadingOnChange(status);

  if (status === 'changed') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Your password has been changed</h1>
          </div>
          <p className="govuk-body">Use your new password the next time you sign in.</p>
          <Link to="/sign-in" className="govuk-button">
            Sign in
          </Link>
        </div>
      </div>
    );
  }

  if (status === 'link-expired' || !token) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired or has already been used</h1>
          <p className="govuk-body">A link to reset your password works once.</p>
          <p className="govuk-body">
            <Link to="/forgot-password" className="govuk-link">
              Ask for a new link
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const answer = (field: NewPasswordField) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Your password has not been changed." />
        <h1 className="govuk-heading-l">Create a new password</h1>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const parsed = parseNewPassword(answers);
              if ('errors' in parsed) return parsed.errors;
              const userErrors = await resetPassword({ token, password: parsed.input });
              // The token is the one input the person did not type: if it is refused, the link is.
              if (userErrors.some(isAboutToken)) {
                setStatus('link-expired');
              } else if (userErrors.length === 0) {
                setStatus('changed');
              }
              return formErrorsFrom(userErrors, newPasswordFields);
            })
          }
        >
          <NewPasswordFields
            password={answer('password')}
            confirmPassword={answer('confirmPassword')}
            isReset
          />
          <button type="submit" className="govuk-button">
            Change password
          </button>
        </form>
      </div>
    </div>
  );
}

function isAboutToken({ field, code }: UserError): boolean {
  return field?.at(-1) === 'token' || /TOKEN|EXPIRED/.test(code);
}
