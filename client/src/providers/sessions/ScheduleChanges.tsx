import { DateInput } from '../../govuk/DateInput';
import { Radios } from '../../govuk/Radios';
import { TextInput } from '../../govuk/TextInput';
import {
  emptyClosure,
  emptyException,
  type ChangeField,
  type ClosureAnswers,
  type ExceptionAnswers,
} from './seriesForm';

type ChangesProps<Answers> = {
  items: Answers[];
  onChange: (items: Answers[]) => void;
  errorFor: (field: ChangeField) => string | undefined;
};

function replaced<T>(items: T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

/**
 * Closures: runs of days the setting is shut (Christmas, a training day), on which the pattern
 * gives no session. Added one at a time, like the GOV.UK "add another" pattern.
 */
export function ClosureList({ items, onChange, errorFor }: ChangesProps<ClosureAnswers>) {
  return (
    <>
      <h2 className="govuk-heading-m">Closures</h2>
      <p className="govuk-body">
        Add the days you are closed, such as the Christmas holidays. There will be no sessions on
        them.
      </p>
      {items.map((closure, index) => (
        <fieldset className="govuk-fieldset" key={index}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Closure {index + 1}
          </legend>
          <DateInput
            id={`closure-${index}-from`}
            legend="First day closed"
            value={closure.from}
            onChange={(from) => onChange(replaced(items, index, { ...closure, from }))}
            error={errorFor(`closure-${index}-from`)}
          />
          <DateInput
            id={`closure-${index}-to`}
            legend="Last day closed"
            value={closure.to}
            onChange={(to) => onChange(replaced(items, index, { ...closure, to }))}
            error={errorFor(`closure-${index}-to`)}
          />
          <TextInput
            id={`closure-${index}-reason`}
            label="Reason (optional)"
            hint="Families see this, for example: Closed for Christmas"
            value={closure.reason}
            onChange={(reason) => onChange(replaced(items, index, { ...closure, reason }))}
            error={errorFor(`closure-${index}-reason`)}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            Remove closure {index + 1}
          </button>
        </fieldset>
      ))}
      <div>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => onChange([...items, emptyClosure])}
        >
          {items.length === 0 ? 'Add a closure' : 'Add another closure'}
        </button>
      </div>
    </>
  );
}

/** Changed dates: one date the pattern gives, cancelled or moved to another day or time. */
export function ChangedDateList({ items, onChange, errorFor }: ChangesProps<ExceptionAnswers>) {
  return (
    <>
      <h2 className="govuk-heading-m">Changed dates</h2>
      <p className="govuk-body">
        Cancel a single session, or move it to another day or time. Families booking the whole run
        see the change.
      </p>
      {items.map((change, index) => {
        const update = (patch: Partial<ExceptionAnswers>) =>
          onChange(replaced(items, index, { ...change, ...patch }));
        return (
          <fieldset className="govuk-fieldset" key={index}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Changed date {index + 1}
            </legend>
            <DateInput
              id={`exception-${index}-date`}
              legend="Date in the pattern"
              hint="A date the sessions would otherwise run on"
              value={change.date}
              onChange={(date) => update({ date })}
              error={errorFor(`exception-${index}-date`)}
            />
            <Radios
              name={`exception-${index}-kind`}
              legend="What happens on that date?"
              legendSize="s"
              options={[
                { value: 'CANCELLED', label: 'No session that day' },
                { value: 'MOVED', label: 'The session moves to another day or time' },
              ]}
              value={change.kind || null}
              onChange={(kind) => update({ kind: kind as ExceptionAnswers['kind'] })}
              error={errorFor(`exception-${index}-kind`)}
            />
            {change.kind === 'MOVED' && (
              <>
                <DateInput
                  id={`exception-${index}-newDate`}
                  legend="New date"
                  value={change.newDate}
                  onChange={(newDate) => update({ newDate })}
                  error={errorFor(`exception-${index}-newDate`)}
                />
                <TextInput
                  id={`exception-${index}-startTime`}
                  label="New start time"
                  hint="24-hour clock, UK time, for example 10:00"
                  widthClass="govuk-input--width-5"
                  value={change.startTime}
                  onChange={(startTime) => update({ startTime })}
                  error={errorFor(`exception-${index}-startTime`)}
                />
                <TextInput
                  id={`exception-${index}-endTime`}
                  label="New end time"
                  widthClass="govuk-input--width-5"
                  value={change.endTime}
                  onChange={(endTime) => update({ endTime })}
                  error={errorFor(`exception-${index}-endTime`)}
                />
              </>
            )}
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              Remove changed date {index + 1}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => onChange([...items, emptyException])}
        >
          {items.length === 0 ? 'Add a changed date' : 'Add another changed date'}
        </button>
      </div>
    </>
  );
}
