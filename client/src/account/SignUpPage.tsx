import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formErrorsFrom } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { TextInput } from '../govuk/TextInput';
import { NewPasswordFields } from './NewPasswordFields';
import { usePageTitle } from '../shell/usePageTitle';
import { signUp } from './accountApi';
import { parseSignUp, signUpFields, type SignUpAnswers, type SignUpField } from './accountForms';

export function SignUpPage() {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<SignUpAnswers>({
    displayName: '',
    email: '',
    password: '',
    confirmPassword: '',
  });
  const form = useFormSubmission<SignUpField>();
  usePageTitle('Create a family account', { hasErrors: form.hasErrors });

  const answer = (field: SignUpField) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Your account has not been created." />
        <h1 className="govuk-heading-l">Create a family account</h1>
        <p className="govuk-body">
          With an account you can keep your children&apos;s details in one place and, soon, book
          short breaks for them.
        </p>
        <p className="govuk-body">
          Already have an account?{' '}
          <Link to="/sign-in" className="govuk-link">
            Sign in
          </Link>
        </p>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const parsed = parseSignUp(answers);
              if ('errors' in parsed) return parsed.errors;
              const userErrors = await signUp(parsed.input);
              if (userErrors.length === 0) {
                navigate('/sign-up/check-your-email', { state: { email: parsed.input.email } });
              }
              return formErrorsFrom(userErrors, signUpFields);
            })
          }
        >
          <TextInput
            id="displayName"
            label="Your name"
            autoComplete="name"
            spellCheck={false}
            {...answer('displayName')}
          />
          <TextInput
            id="email"
            label="Email address"
            hint="We will send you an email to check it is yours."
            type="email"
            autoComplete="email"
            spellCheck={false}
            {...answer('email')}
          />
          <NewPasswordFields
            password={answer('password')}
            confirmPassword={answer('confirmPassword')}
          />
          <button type="submit" className="govuk-button">
            Create account
          </button>
        </form>
      </div>
    </div>
  );
}
