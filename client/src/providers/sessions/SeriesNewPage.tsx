import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { ChoiceItem } from '../../govuk/ChoiceItem';
import { DateInput, datePartId } from '../../govuk/DateInput';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Radios } from '../../govuk/Radios';
import { Select } from '../../govuk/Select';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ProviderConsole } from '../console/consoleApi';
import type { ConsoleNotice } from '../console/ProviderConsolePage';
import { inputErrorsFrom } from '../console/inputErrors';
import { WithConsole } from '../console/WithConsole';
import {
  emptySeriesAnswers,
  parseSeries,
  seriesFieldOf,
  seriesFields,
  type SeriesAnswers,
  type ChangeField,
  type SeriesFormField,
} from './seriesForm';
import { ChangedDateList, ClosureList } from './ScheduleChanges';
import { createSeries } from './sessionsApi';

const title = 'Add sessions';

const PATTERNS = [
  { value: 'ONE_OFF', label: 'Once' },
  { value: 'WEEKLY', label: 'Every week' },
  { value: 'FORTNIGHTLY', label: 'Every other week' },
  {
    value: 'HOLIDAY_SCHEME',
    label: 'Every weekday, as a holiday scheme',
    hint: 'A day session each weekday from the first date to the last',
  },
];

/** The questions asked as day, month and year, whose error links go to the day. */
function isDateField(field: SeriesFormField): boolean {
  return (
    field === 'firstDate' ||
    field === 'lastDate' ||
    /^(closure-\d+-(from|to)|exception-\d+-(date|newDate))$/.test(field)
  );
}

export function SeriesNewPage() {
  return (
    <WithConsole>
      {(details, pathTo) => <SeriesForm details={details} calendarPath={pathTo('/sessions')} />}
    </WithConsole>
  );
}

/** Each published service at each of its locations: what a series of sessions is for. */
function listingOptions(details: ProviderConsole) {
  const locationName = new Map(details.locations.map((l) => [l.id, l.name]));
  return details.services.flatMap((service) =>
    service.listingIds.map((listingId) => ({
      value: listingId,
      label: `${service.name} at ${locationName.get(listingId.split(':')[1] ?? '') ?? 'a location'}`,
    })),
  );
}

function SeriesForm({ details, calendarPath }: { details: ProviderConsole; calendarPath: string }) {
  const navigate = useNavigate();
  const listings = listingOptions(details);
  const [answers, setAnswers] = useState<SeriesAnswers>({
    ...emptySeriesAnswers,
    listingId: listings.length === 1 ? (listings[0]?.value ?? '') : '',
  });
  const form = useFormSubmission<SeriesFormField>({ handleFailure: useSendToSignIn() });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const set = <K extends keyof SeriesAnswers>(field: K, value: SeriesAnswers[K]) =>
    setAnswers({ ...answers, [field]: value });
  const text = (
    field: Exclude<
      SeriesFormField,
      'firstDate' | 'lastDate' | 'pattern' | 'listingId' | 'chargeAt' | ChangeField
    >,
  ) => ({
    id: field,
    value: answers[field],
    onChange: (value: string) => set(field, value),
    error: form.errorFor(field),
  });
  const repeats = answers.pattern !== '' && answers.pattern !== 'ONE_OFF';

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseSeries(answers);
      if ('errors' in parsed) return parsed.errors;
      const { userErrors, sessionCount } = await createSeries(parsed.input);
      if (userErrors.length === 0) {
        const notice: ConsoleNotice = {
          saved: `${sessionCount} ${sessionCount === 1 ? 'session has' : 'sessions have'} been added`,
        };
        const week = parsed.input.schedule.firstDate;
        navigate(`${calendarPath}${calendarPath.includes('?') ? '&' : '?'}week=${week}`, {
          state: notice,
        });
      }
      return inputErrorsFrom(userErrors, seriesFields, seriesFieldOf);
    });

  if (listings.length === 0) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            Sessions are for services families can find. Add a service, and once it is published you
            can add its sessions here.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={form}
          unavailableOutcome="Your sessions have not been added."
          fieldId={(field) => (isDateField(field) ? datePartId(field, 'day') : field)}
        />
        <span className="govuk-caption-l">{details.organisation.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={save}>
          <Select
            id="listingId"
            label="Service and place"
            options={[{ value: '', label: 'Choose a service' }, ...listings]}
            value={answers.listingId}
            onChange={(value) => set('listingId', value)}
            error={form.errorFor('listingId')}
          />
          <Radios
            name="pattern"
            legend="How often does it run?"
            options={PATTERNS}
            value={answers.pattern || null}
            onChange={(value) => set('pattern', value)}
            error={form.errorFor('pattern')}
          />
          <DateInput
            id="firstDate"
            legend={repeats ? 'First date' : 'Date'}
            hint="For example, 18 1 2027"
            value={answers.firstDate}
            onChange={(value) => set('firstDate', value)}
            error={form.errorFor('firstDate')}
          />
          {repeats && (
            <>
              <DateInput
                id="lastDate"
                legend="Last date"
                hint={
                  answers.pattern === 'HOLIDAY_SCHEME'
                    ? 'The last day of the holiday scheme'
                    : 'Leave blank if you give a number of sessions instead'
                }
                value={answers.lastDate}
                onChange={(value) => set('lastDate', value)}
                error={form.errorFor('lastDate')}
              />
              {answers.pattern !== 'HOLIDAY_SCHEME' && (
                <TextInput
                  label="Number of sessions (optional)"
                  inputMode="numeric"
                  widthClass="govuk-input--width-4"
                  {...text('count')}
                />
              )}
            </>
          )}
          <TextInput
            label="Start time"
            hint="24-hour clock, UK time, for example 16:00"
            widthClass="govuk-input--width-5"
            {...text('startTime')}
          />
          <TextInput
            label="End time"
            hint="For example, 18:00"
            widthClass="govuk-input--width-5"
            {...text('endTime')}
          />
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <ChoiceItem
                kind="checkboxes"
                id="endsNextDay"
                name="endsNextDay"
                option={{ value: 'yes', label: 'It ends the next day (an overnight break)' }}
                isChecked={answers.endsNextDay}
                onChange={(checked) => set('endsNextDay', checked)}
              />
            </div>
          </div>

          {repeats && (
            <>
              <ClosureList
                items={answers.closures}
                onChange={(closures) => set('closures', closures)}
                errorFor={form.errorFor}
              />
              <ChangedDateList
                items={answers.exceptions}
                onChange={(exceptions) => set('exceptions', exceptions)}
                errorFor={form.errorFor}
              />
            </>
          )}

          <h2 className="govuk-heading-m">Places and staff</h2>
          <TextInput
            label="Places"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('places')}
          />
          <TextInput
            label="Staff on shift"
            hint="A child who needs 1:1 support takes one member of staff, and 2:1 takes two"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('staff')}
          />
          <TextInput
            label="Children each member of staff supports in the group"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('groupRatio')}
          />
          <TextInput
            label="Youngest age"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('minAge')}
          />
          <TextInput
            label="Oldest age"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('maxAge')}
          />

          <h2 className="govuk-heading-m">Booking and price</h2>
          <TextInput
            label="Booking opens, in days before each session"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('opensDaysBefore')}
          />
          <TextInput
            label="Booking closes, in hours before each session"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('closesHoursBefore')}
          />
          <TextInput
            label="Price per session, in pounds"
            hint="For example, 12.50. Enter 0 if it is free"
            widthClass="govuk-input--width-5"
            {...text('price')}
          />
          <TextInput
            label="Free cancellation until, in hours before a session"
            hint="Cancelling later counts as a late cancellation"
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            {...text('freeCancellationHours')}
          />
          <Radios
            name="chargeAt"
            legend="When are budgets and card payments charged?"
            legendSize="s"
            options={[
              {
                value: 'ATTENDANCE',
                label: 'When you mark the register',
                hint: 'A child marked absent is charged too; a cancellation in time is not',
              },
              { value: 'SESSION_START', label: 'When the session starts' },
            ]}
            value={answers.chargeAt}
            onChange={(value) => set('chargeAt', value as SeriesAnswers['chargeAt'])}
            error={form.errorFor('chargeAt')}
          />
          <button type="submit" className="govuk-button">
            Add sessions
          </button>
        </form>
      </div>
    </div>
  );
}
