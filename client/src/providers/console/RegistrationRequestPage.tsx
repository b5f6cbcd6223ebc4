import { RATINGS, REGISTRATION_STATUSES, REGULATORS } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { DateInput, datePartId, type DatePart } from '../../govuk/DateInput';
import { londonToday } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Radios } from '../../govuk/Radios';
import { TextInput } from '../../govuk/TextInput';
import { useFocusHeadingOnChange } from '../../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../../shell/usePageTitle';
import { requestRegistrationChange, type ProviderConsole } from './consoleApi';
import { inputErrorsFrom } from './inputErrors';
import {
  parseRegistration,
  registrationFields,
  wholeProvider,
  type RegistrationAnswers,
  type RegistrationField,
} from './registrationForm';
import { WithConsole } from './WithConsole';

/** Asks for a registration to be added or changed; an administrator checks it first. */
export function RegistrationRequestPage() {
  return (
    <WithConsole>
      {(details, pathTo) => <RegistrationForm details={details} consolePath={pathTo()} />}
    </WithConsole>
  );
}

const noAnswers: RegistrationAnswers = {
  registered: null,
  regulator: null,
  identifier: '',
  registrationType: '',
  status: null,
  rating: null,
  inspectedOn: { day: '', month: '', year: '' },
};

const title = 'Request a registration change';

function RegistrationForm({
  details: { organisation, locations },
  consolePath,
}: {
  details: ProviderConsole;
  consolePath: string;
}) {
  // A provider with no locations can only be registered itself.
  const [answers, setAnswers] = useState<RegistrationAnswers>({
    ...noAnswers,
    registered: locations.length === 0 ? wholeProvider : null,
  });
  const [dateErrorParts, setDateErrorParts] = useState<readonly DatePart[]>([]);
  const [isSent, setIsSent] = useState(false);
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<RegistrationField>({ handleFailure: sendToSignIn });
  usePageTitle(isSent ? 'Sent for checking' : title, { hasErrors: form.hasErrors });
  useFocusHeadingOnChange(isSent);

  const send = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseRegistration(answers, {
        organisationId: organisation.id,
        today: londonToday(),
      });
      if ('errors' in parsed) {
        setDateErrorParts(parsed.dateParts);
        return parsed.errors;
      }
      setDateErrorParts(['day', 'month', 'year']);
      const userErrors = await requestRegistrationChange(parsed.input);
      if (userErrors.length === 0) setIsSent(true);
      return inputErrorsFrom(userErrors, registrationFields);
    });

  if (isSent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Sent for checking</h1>
            <div className="govuk-panel__body">An administrator checks it against the register</div>
          </div>
          <h2 className="govuk-heading-m">What happens next</h2>
          <p className="govuk-body">
            We check the registration on the Ofsted or Care Quality Commission register. Once it
            matches, families see it on your services.
          </p>
          <p className="govuk-body">
            Until then, it is listed on your console as waiting for checking.
          </p>
          <p className="govuk-body">
            <Link to={consolePath} className="govuk-link">
              Go back to the provider console
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const text = (field: 'identifier' | 'registrationType') => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={form}
          unavailableOutcome="Your request has not been sent."
          fieldId={(field) =>
            field === 'inspectedOn' ? datePartId(field, dateErrorParts[0] ?? 'day') : field
          }
        />
        <span className="govuk-caption-l">{organisation.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Tell us about a registration with Ofsted or the Care Quality Commission that is new or has
          changed. An administrator checks it against the register before families see it.
        </p>
        <form noValidate onSubmit={send}>
          {locations.length > 0 && (
            <Radios
              name="locationId"
              legend="Who is registered?"
              options={[
                { value: wholeProvider, label: `${organisation.name}, as a provider` },
                ...locations.map(({ id, name }) => ({ value: id, label: `${name}, a location` })),
              ]}
              value={answers.registered}
              onChange={(registered) => setAnswers({ ...answers, registered })}
              error={form.errorFor('locationId')}
            />
          )}
          <Radios
            name="regulator"
            legend="Which regulator is it registered with?"
            options={REGULATORS.items.map(({ code, label }) => ({ value: code, label }))}
            value={answers.regulator}
            onChange={(regulator) => setAnswers({ ...answers, regulator })}
            error={form.errorFor('regulator')}
          />
          <TextInput
            id="identifier"
            label="Registration number"
            hint="An Ofsted URN like SC123456, or a CQC location ID like 1-545611283"
            spellCheck={false}
            widthClass="govuk-input--width-20"
            {...text('identifier')}
          />
          <TextInput
            id="registrationType"
            label="Registration type"
            hint="As the register shows it, like Children's home or Early Years Register"
            {...text('registrationType')}
          />
          <Radios
            name="status"
            legend="What is the status of the registration?"
            options={REGISTRATION_STATUSES.items.map(({ code, label }) => ({
              value: code,
              label,
            }))}
            value={answers.status}
            onChange={(status) => setAnswers({ ...answers, status })}
            error={form.errorFor('status')}
          />
          <Radios
            name="rating"
            legend="What was it rated at its last inspection? (optional)"
            options={RATINGS.items.map(({ code, label }) => ({ value: code, label }))}
            value={answers.rating}
            onChange={(rating) => setAnswers({ ...answers, rating })}
            error={form.errorFor('rating')}
          />
          <DateInput
            id="inspectedOn"
            legend="Date of the last inspection (optional)"
            hint="For example, 27 3 2025"
            value={answers.inspectedOn}
            onChange={(inspectedOn) => setAnswers({ ...answers, inspectedOn })}
            error={form.errorFor('inspectedOn')}
            errorParts={dateErrorParts}
          />
          <button type="submit" className="govuk-button">
            Send for checking
          </button>
        </form>
      </div>
    </div>
  );
}
