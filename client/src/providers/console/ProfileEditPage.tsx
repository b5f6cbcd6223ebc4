import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { CharacterCount } from '../../govuk/CharacterCount';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ConsoleNotice } from './ProviderConsolePage';
import { updateProfile, type ProviderConsole } from './consoleApi';
import { inputErrorsFrom, optionalText } from './inputErrors';
import { WithConsole } from './WithConsole';

const fields = ['description', 'website', 'email', 'phone'] as const;
type ProfileField = (typeof fields)[number];
type ProfileAnswers = Record<ProfileField, string>;

const title = 'About your organisation';

export function ProfileEditPage() {
  return (
    <WithConsole>
      {(details, pathTo) => <ProfileForm details={details} consolePath={pathTo()} />}
    </WithConsole>
  );
}

function ProfileForm({ details, consolePath }: { details: ProviderConsole; consolePath: string }) {
  const { organisation, profile } = details;
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<ProfileAnswers>({
    description: profile?.description ?? '',
    website: profile?.website ?? '',
    email: profile?.email ?? '',
    phone: profile?.phone ?? '',
  });
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<ProfileField>({ handleFailure: sendToSignIn });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const userErrors = await updateProfile({
        organisationId: organisation.id,
        description: optionalText(answers.description),
        website: optionalText(answers.website),
        email: optionalText(answers.email),
        phone: optionalText(answers.phone),
      });
      if (userErrors.length === 0) {
        const notice: ConsoleNotice = { saved: 'Your details have been saved' };
        navigate(consolePath, { state: notice });
      }
      return inputErrorsFrom(userErrors, fields);
    });

  const answer = (field: ProfileField) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Your changes have not been saved." />
        <span className="govuk-caption-l">{organisation.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">Families see these details on each of your services.</p>
        <form noValidate onSubmit={save}>
          <CharacterCount
            id="description"
            label="Description"
            hint="What your organisation does and who it is for."
            maxLength={2000}
            {...answer('description')}
          />
          <TextInput
            id="website"
            label="Website (optional)"
            hint="For example, https://example.org"
            autoComplete="url"
            spellCheck={false}
            {...answer('website')}
          />
          <TextInput
            id="email"
            label="Email address (optional)"
            type="email"
            autoComplete="email"
            spellCheck={false}
            {...answer('email')}
          />
          <TextInput
            id="phone"
            label="Phone number (optional)"
            hint="For example, 01392 123456"
            autoComplete="tel"
            inputMode="tel"
            widthClass="govuk-input--width-20"
            {...answer('phone')}
          />
          <button type="submit" className="govuk-button">
            Save details
          </button>
        </form>
      </div>
    </div>
  );
}
