import { ErrorMessage } from './ErrorMessage';
import { Legend } from './Legend';

export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;

const parts: readonly { part: DatePart; label: string; width: string }[] = [
  { part: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'govuk-input--width-4' },
];

/** The id of one of a date input's fields, such as "dateOfBirth-day"; error summaries link to it. */
export function datePartId(id: string, part: DatePart) {
  return `${id}-${part}`;
}

type DateInputProps = {
  id: string;
  legend: string;
  /** Makes the legend the page's h1, for pages that ask one question. */
  isPageHeading?: boolean;
  hint?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string;
  /** The fields the error is about, which are highlighted; all of them when omitted. */
  errorParts?: readonly DatePart[];
};

/**
 * GOV.UK date input: day, month and year as three separate text fields. Harbour asks for other
 * people's dates (a child's date of birth), so the fields carry no `bday-*` autocomplete: the
 * browser would fill in the parent's own birthday.
 */
export function DateInput({
  id,
  legend,
  isPageHeading = false,
  hint,
  value,
  onChange,
  error,
  errorParts = ['day', 'month', 'year'],
}: DateInputProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <Legend size="s" isPageHeading={isPageHeading}>
          {legend}
        </Legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, label, width }) => {
            const partId = datePartId(id, part);
            const hasError = Boolean(error) && errorParts.includes(part);
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                    {label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input ${width}${hasError ? ' govuk-input--error' : ''}`}
                    id={partId}
                    name={partId}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={value[part]}
                    onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
