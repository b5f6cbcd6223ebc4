import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSendToSignIn, useSignedInViewer } from '../../account/RequireSignIn';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Radios } from '../../govuk/Radios';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import { createOrganisation, type Organisation } from './consoleApi';
import { inputErrorsFrom } from './inputErrors';
import { Select } from '../../govuk/Select';
import { consolePathFor } from './useConsole';

type ChooseOrganisationProps = {
  organisations: readonly Organisation[];
  /** A provider with no organisation added one. */
  onAdded: () => void;
};

/**
 * Which organisation's console to open: providers who belong to several choose from them, and
 * administrators from every provider. A provider who belongs to none adds theirs.
 */
export function ChooseOrganisation({ organisations, onAdded }: ChooseOrganisationProps) {
  const { role } = useSignedInViewer();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(
    role === 'ADMIN' ? (organisations[0]?.id ?? null) : null,
  );
  const form = useFormSubmission<'organisation'>();
  const title = 'Which organisation do you want to work on?';
  usePageTitle(title, { hasErrors: form.hasErrors });

  if (role !== 'ADMIN' && organisations.length === 0) return <AddOrganisation onAdded={onAdded} />;

  const choose = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      if (!chosen) return [{ field: 'organisation', message: 'Choose an organisation' }];
      navigate(consolePathFor(chosen));
      return [];
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="No organisation has been opened." />
        <span className="govuk-caption-l">Provider console</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {organisations.length === 0 ? (
          <p className="govuk-body">There are no provider organisations on Harbour yet.</p>
        ) : (
          <form noValidate onSubmit={choose}>
            {role === 'ADMIN' ? (
              <Select
                id="organisation"
                label="Provider organisation"
                options={organisations.map(({ id, name }) => ({ value: id, label: name }))}
                value={chosen ?? ''}
                onChange={setChosen}
              />
            ) : (
              <Radios
                name="organisation"
                legend="Organisations you belong to"
                options={organisations.map(({ id, name }) => ({ value: id, label: name }))}
                value={chosen}
                onChange={setChosen}
                error={form.errorFor('organisation')}
              />
            )}
            <button type="submit" className="govuk-button">
              Continue
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

/** One question: the name of the provider's organisation, which then waits for verification. */
function AddOrganisation({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<'name'>({ handleFailure: sendToSignIn });
  usePageTitle('What is your organisation called?', { hasErrors: form.hasErrors });

  const add = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const userErrors = await createOrganisation(name);
      if (userErrors.length === 0) onAdded();
      return inputErrorsFrom(userErrors, ['name']);
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Your organisation has not been added." />
        <span className="govuk-caption-l">Provider console</span>
        <form noValidate onSubmit={add}>
          <TextInput
            id="name"
            label="What is your organisation called?"
            isPageHeading
            hint="Harbour checks every new provider before families can find its services."
            autoComplete="organization"
            spellCheck={false}
            value={name}
            onChange={setName}
            error={form.errorFor('name')}
          />
          <button type="submit" className="govuk-button">
            Add organisation
          </button>
        </form>
      </div>
    </div>
  );
}
