import { LOCATION_FEATURES } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { Checkboxes } from '../../govuk/Checkboxes';
import type { ConsoleNotice } from './ProviderConsolePage';
import { saveLocation, type Organisation, type ProviderLocation } from './consoleApi';
import { inputErrorsFrom, optionalText } from './inputErrors';
import { locationFields, parsePin, pinOnMap, type LocationField } from './locationForm';
import { LazyPinMap } from './LazyPinMap';
import { WithConsole } from './WithConsole';

/** Adds a location (`/locations/new`) or changes one (`/locations/:locationId`). */
export function LocationEditPage() {
  const { locationId } = useParams();
  return (
    <WithConsole>
      {({ organisation, locations }, pathTo) => {
        const location = locations.find((candidate) => candidate.id === locationId);
        if (locationId && !location) return <NotFoundPage />;
        return (
          <LocationForm
            key={locationId ?? 'new'}
            organisation={organisation}
            location={location ?? null}
            consolePath={pathTo()}
          />
        );
      }}
    </WithConsole>
  );
}

type LocationAnswers = Record<Exclude<LocationField, 'features'>, string> & {
  features: string[];
};

type LocationFormProps = {
  organisation: Organisation;
  /** The location being changed; null for a new one. */
  location: ProviderLocation | null;
  consolePath: string;
};

function LocationForm({ organisation, location, consolePath }: LocationFormProps) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<LocationAnswers>({
    name: location?.name ?? '',
    addressLine: location?.addressLine ?? '',
    town: location?.town ?? '',
    postcode: location?.postcode ?? '',
    features: location?.features ?? [],
    lat: location ? String(location.lat) : '',
    lng: location ? String(location.lng) : '',
  });
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<LocationField>({ handleFailure: sendToSignIn });
  const title = location ? 'Change a location' : 'Add a location';
  usePageTitle(title, { hasErrors: form.hasErrors });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parsePin(answers.lat, answers.lng);
      if ('errors' in parsed) return parsed.errors;
      const name = answers.name.trim();
      const userErrors = await saveLocation({
        organisationId: organisation.id,
        locationId: location?.id ?? null,
        name,
        addressLine: optionalText(answers.addressLine),
        town: optionalText(answers.town),
        postcode: answers.postcode,
        lat: parsed.pin?.lat ?? null,
        lng: parsed.pin?.lng ?? null,
        features: answers.features,
      });
      if (userErrors.length === 0) {
        const notice: ConsoleNotice = {
          saved: location ? `Your changes to ${name} have been saved` : `${name} has been added`,
        };
        navigate(consolePath, { state: notice });
      }
      return inputErrorsFrom(userErrors, locationFields);
    });

  const answer = (field: Exclude<LocationField, 'features'>) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={form}
          unavailableOutcome={
            location ? 'Your changes have not been saved.' : 'The location has not been added.'
          }
        />
        <span className="govuk-caption-l">{organisation.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={save}>
          <TextInput
            id="name"
            label="Name of the location"
            hint="As families will see it, like Sunrise Bideford"
            {...answer('name')}
          />
          <TextInput
            id="addressLine"
            label="Building and street (optional)"
            autoComplete="address-line1"
            {...answer('addressLine')}
          />
          <TextInput
            id="town"
            label="Town or city (optional)"
            autoComplete="address-level2"
            widthClass="govuk-!-width-two-thirds"
            {...answer('town')}
          />
          <TextInput
            id="postcode"
            label="Postcode"
            autoComplete="postal-code"
            spellCheck={false}
            widthClass="govuk-input--width-10"
            {...answer('postcode')}
          />
          <Checkboxes
            legendSize="m"
            isSmall
            name="features"
            legend="What the location has"
            hint="Select all that apply."
            options={LOCATION_FEATURES.items.map(({ code, label }) => ({
              value: code,
              label,
            }))}
            values={answers.features}
            onChange={(features) => setAnswers({ ...answers, features })}
            error={form.errorFor('features')}
          />

          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="pin-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                Where it is on the map (optional)
              </legend>
              <div id="pin-hint" className="govuk-hint">
                Click the map or drag the pin to where families should go, or type the latitude and
                longitude. Without a pin, Harbour puts the location in the middle of its postcode
                area.
              </div>
              <LazyPinMap
                pin={pinOnMap(answers.lat, answers.lng)}
                onPin={({ lat, lng }) =>
                  setAnswers({ ...answers, lat: String(lat), lng: String(lng) })
                }
                onRemove={() => setAnswers({ ...answers, lat: '', lng: '' })}
                descriptionId="pin-hint"
              />
              <TextInput
                id="lat"
                label="Latitude"
                hint="For example, 50.95412"
                spellCheck={false}
                widthClass="govuk-input--width-10"
                {...answer('lat')}
              />
              <TextInput
                id="lng"
                label="Longitude"
                hint="For example, -4.14423"
                spellCheck={false}
                widthClass="govuk-input--width-10"
                {...answer('lng')}
              />
            </fieldset>
          </div>

          <button type="submit" className="govuk-button">
            Save location
          </button>
        </form>
      </div>
    </div>
  );
}
