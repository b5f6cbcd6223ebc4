import { ErrorMessage } from './ErrorMessage';

export type RadioOption<Value extends string> = { value: Value; label: string };

type RadiosProps<Value extends string> = {
  /** Also the id of the first radio, which error summaries link to. */
  name: string;
  legend: string;
  options: readonly RadioOption<Value>[];
  value: Value | null;
  onChange: (value: Value) => void;
  error?: string;
};

export function Radios<Value extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: RadiosProps<Value>) {
  const errorId = `${name}-error`;

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div key={option.value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
