import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formErrorsFrom, type UserError } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { TextInput } from '../govuk/TextInput';
import { NewPasswordFields } from './NewPasswordFields';
import { usePageTitle } from '../shell/usePageTitle';
import { providerSignUp, signUp } from './accountApi';
import {
  parseProviderSignUp,
  parseSignUp,
  providerSignUpFields,
  type ProviderSignUpField,
  type SignUpAnswers,
  type SignUpField,
} from './accountForms';

/**
 * Creating an account: a family's, or (`forProvider`) a provider's with its organisation,
 * which Harbour checks before families can find its services.
 */
export function SignUpPage({ forProvider = false }: { forProvider?: boolean }) {
  const navigate = useNavigate();
  const [organisationName, setOrganisationName] = useState('');
  const [answers, setAnswers] = useState<SignUpAnswers>({
    displayName: '',
    email: '',
    password: '',
    confirmPassword: '',
  });
  const form = useFormSubmission<ProviderSignUpField>();
  const title = forProvider ? 'Register your organisation' : 'Create a family account';
  usePageTitle(title, { hasErrors: form.hasErrors });

  const answer = (field: SignUpField) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Your account has not been created." />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          {forProvider
            ? 'List your short breaks and activities so families can find them. Harbour checks every new provider before families can see its services; you can add your details while you wait.'
            : 'With an account you can keep your children’s details in one place and, soon, book short breaks for them.'}
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
              const answered = (email: string, userErrors: readonly UserError[]) => {
                if (userErrors.length === 0) {
                  navigate('/sign-up/check-your-email', { state: { email } });
                }
                return formErrorsFrom(userErrors, providerSignUpFields);
              };
              if (forProvider) {
                const parsed = parseProviderSignUp(answers, organisationName);
                if ('errors' in parsed) return parsed.errors;
                return answered(parsed.input.email, await providerSignUp(parsed.input));
              }
              const parsed = parseSignUp(answers);
              if ('errors' in parsed) return parsed.errors;
              return answered(parsed.input.email, await signUp(parsed.input));
            })
          }
        >
          {forProvider && (
            <TextInput
              id="organisationName"
              label="Organisation name"
              autoComplete="organization"
              spellCheck={false}
              value={organisationName}
              onChange={setOrganisationName}
              error={form.errorFor('organisationName')}
            />
          )}
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
