import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formErrorsFrom } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { TextInput } from '../govuk/TextInput';
import { usePageTitle } from '../shell/usePageTitle';
import { requestPasswordReset } from './accountApi';
import { parseEmailAddress } from './accountForms';

export function ForgotPasswordPage() {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const form = useFormSubmission<'email'>();
  usePageTitle('Reset your password', { hasErrors: form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="We have not sent you an email." />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">
          Enter the email address you use for Harbour. We will send you a link to create a new
          password.
        </p>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const parsed = parseEmailAddress(email);
              if ('errors' in parsed) return parsed.errors;
              const userErrors = await requestPasswordReset(parsed.input);
              if (userErrors.length === 0) {
                navigate('/forgot-password/check-your-email', { state: { email: parsed.input } });
              }
              return formErrorsFrom(userErrors, ['email']);
            })
          }
        >
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={form.errorFor('email')}
          />
          <button type="submit" className="govuk-button">
            Send reset link
          </button>
        </form>
      </div>
    </div>
  );
}
