import {
  ACCESSIBILITY_SUPPORT,
  FUNDING_TYPES,
  NEEDS,
  SERVICE_TYPES,
  STAFF_SKILLS,
  SUPPORT_RATIOS,
  WEEKDAYS,
} from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { CharacterCount } from '../../govuk/CharacterCount';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Radios } from '../../govuk/Radios';
import { TextInput } from '../../govuk/TextInput';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { Checkboxes, type CheckboxOption } from '../../govuk/Checkboxes';
import type { ConsoleNotice } from './ProviderConsolePage';
import {
  saveService,
  type Organisation,
  type ProviderLocation,
  type ProviderService,
} from './consoleApi';
import { CostOptions } from './CostOptions';
import { inputErrorsFrom } from './inputErrors';
import {
  costErrorField,
  parseService,
  serviceAnswers,
  serviceFieldInputId,
  serviceFields,
  upcomingRatioErrorField,
  type DateErrorParts,
  type ServiceAnswers,
  type ServiceField,
} from './serviceForm';
import { UpcomingRatios } from './UpcomingRatios';
import { WithConsole } from './WithConsole';

const codes = (items: readonly { code: string; label: string }[]): CheckboxOption[] =>
  items.map(({ code, label }) => ({ value: code, label }));

const statusOptions = [
  { value: 'ACTIVE', label: 'Active: families can find it once your organisation is verified' },
  { value: 'WITHDRAWN', label: 'Withdrawn: families cannot find it' },
] as const;

/** Adds a service (`/services/new`) or changes one (`/services/:serviceId`). */
export function ServiceEditPage() {
  const { serviceId } = useParams();
  return (
    <WithConsole>
      {({ organisation, locations, services }, pathTo) => {
        const service = services.find((candidate) => candidate.id === serviceId);
        if (serviceId && !service) return <NotFoundPage />;
        return (
          <ServiceForm
            key={serviceId ?? 'new'}
            organisation={organisation}
            locations={locations}
            service={service ?? null}
            pathTo={pathTo}
          />
        );
      }}
    </WithConsole>
  );
}

type ServiceFormProps = {
  organisation: Organisation;
  locations: readonly ProviderLocation[];
  /** The service being changed; null for a new one. */
  service: ProviderService | null;
  pathTo: (path?: string) => string;
};

function ServiceForm({ organisation, locations, service, pathTo }: ServiceFormProps) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<ServiceAnswers>(() => serviceAnswers(service));
  const [dateErrorParts, setDateErrorParts] = useState<DateErrorParts>({});
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<ServiceField>({ handleFailure: sendToSignIn });
  const title = service ? 'Change a service' : 'Add a service';
  usePageTitle(title, { hasErrors: form.hasErrors });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseService(answers, {
        organisationId: organisation.id,
        serviceId: service?.id ?? null,
      });
      if ('errors' in parsed) {
        setDateErrorParts(parsed.dateErrorParts);
        return parsed.errors;
      }
      // The API's errors about a date are about all of it.
      setDateErrorParts({});
      const userErrors = await saveService(parsed.input);
      if (userErrors.length === 0) {
        const name = parsed.input.name.trim();
        const notice: ConsoleNotice = {
          saved: service ? `Your changes to ${name} have been saved` : `${name} has been added`,
        };
        navigate(pathTo(), { state: notice });
      }
      return inputErrorsFrom(
        userErrors,
        serviceFields,
        (path) => costErrorField(path, parsed.costRows) ?? upcomingRatioErrorField(path),
      );
    });

  const text = (
    field: 'name' | 'minAge' | 'maxAge' | 'startTime' | 'endTime' | 'scheduleSummary',
  ) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });
  const list = (
    field:
      'locationIds' | 'needs' | 'accessibilitySupport' | 'ratios' | 'skills' | 'funding' | 'days',
  ) => ({
    name: field,
    values: answers[field],
    onChange: (values: string[]) => setAnswers({ ...answers, [field]: values }),
    error: form.errorFor(field),
  });

  const heading = (
    <>
      <span className="govuk-caption-l">{organisation.name}</span>
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );

  if (!organisation.canPublish || locations.length === 0) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {heading}
          {organisation.canPublish ? (
            <p className="govuk-body">
              A service runs at one or more of your locations.{' '}
              <Link to={pathTo('/locations/new')} className="govuk-link">
                Add a location
              </Link>{' '}
              first.
            </p>
          ) : (
            <div className="govuk-inset-text">
              Harbour has to verify your organisation before you can add or change its services. We
              will email you when it is done.
            </div>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={form}
          unavailableOutcome={
            service ? 'Your changes have not been saved.' : 'The service has not been added.'
          }
          fieldId={(field) => serviceFieldInputId(field, dateErrorParts)}
        />
        {heading}
        <form noValidate onSubmit={save}>
          <TextInput id="name" label="Name of the service" {...text('name')} />
          <CharacterCount
            id="description"
            label="Description (optional)"
            hint="What happens, who it suits and what to bring."
            maxLength={2000}
            value={answers.description}
            onChange={(description) => setAnswers({ ...answers, description })}
            error={form.errorFor('description')}
          />
          <Radios
            name="type"
            legend="What type of service is it?"
            options={SERVICE_TYPES.items.map(({ code, label }) => ({ value: code, label }))}
            value={answers.type}
            onChange={(type) => setAnswers({ ...answers, type })}
            error={form.errorFor('type')}
          />
          <Checkboxes
            legendSize="m"
            isSmall
            legend="Where does it run?"
            hint="Select all the locations it runs at."
            options={locations.map(({ id, name, postcode }) => ({
              value: id,
              label: name,
              hint: postcode,
            }))}
            {...list('locationIds')}
          />

          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                Who is it for?
              </legend>
              <TextInput
                id="minAge"
                label="Youngest age, in years"
                inputMode="numeric"
                widthClass="govuk-input--width-2"
                {...text('minAge')}
              />
              <TextInput
                id="maxAge"
                label="Oldest age, in years"
                hint="Up to 25"
                inputMode="numeric"
                widthClass="govuk-input--width-2"
                {...text('maxAge')}
              />
            </fieldset>
          </div>
          <Checkboxes
            legendSize="m"
            isSmall
            legend="Needs it supports"
            hint="Select all that apply."
            options={NEEDS.map(({ code, label }) => ({ value: code, label }))}
            {...list('needs')}
          />
          <Checkboxes
            legendSize="m"
            isSmall
            legend="Accessibility support"
            hint="Select all the support your staff give."
            options={ACCESSIBILITY_SUPPORT.map(({ id, label }) => ({ value: id, label }))}
            {...list('accessibilitySupport')}
          />
          <Checkboxes
            legendSize="m"
            isSmall
            legend="Support ratios"
            hint="Select all you offer."
            options={codes(SUPPORT_RATIOS.items)}
            {...list('ratios')}
          />
          <UpcomingRatios
            upcomingRatios={answers.upcomingRatios}
            onChange={(upcomingRatios) => setAnswers({ ...answers, upcomingRatios })}
            errorFor={form.errorFor}
            dateErrorParts={dateErrorParts}
          />
          <Checkboxes
            legendSize="m"
            isSmall
            legend="Staff skills"
            hint="Select all your staff are trained in."
            options={codes(STAFF_SKILLS.items)}
            {...list('skills')}
          />

          <CostOptions
            costs={answers.costs}
            onChange={(costs) => setAnswers({ ...answers, costs })}
            errorFor={form.errorFor}
          />
          <Checkboxes
            legendSize="m"
            isSmall
            legend="Funding accepted"
            hint="Select all the ways families can pay."
            options={codes(FUNDING_TYPES.items)}
            {...list('funding')}
          />

          <h2 className="govuk-heading-m">When it runs</h2>
          <Checkboxes
            legend="Days"
            legendSize="m"
            isSmall
            options={codes(WEEKDAYS.items)}
            {...list('days')}
          />
          <TextInput
            id="startTime"
            label="Start time (optional)"
            hint="Use the 24-hour clock, like 09:30"
            widthClass="govuk-input--width-5"
            {...text('startTime')}
          />
          <TextInput
            id="endTime"
            label="Finishing time (optional)"
            hint="Use the 24-hour clock, like 15:00"
            widthClass="govuk-input--width-5"
            {...text('endTime')}
          />
          <TextInput
            id="scheduleSummary"
            label="When it runs, in words (optional)"
            hint="For example, Saturdays in term time, and weekdays in the summer holidays"
            {...text('scheduleSummary')}
          />

          <Radios
            name="status"
            legend="Can families find it?"
            options={statusOptions}
            value={answers.status}
            onChange={(status) => setAnswers({ ...answers, status })}
            error={form.errorFor('status')}
          />
          <button type="submit" className="govuk-button">
            Save service
          </button>
        </form>
      </div>
    </div>
  );
}
