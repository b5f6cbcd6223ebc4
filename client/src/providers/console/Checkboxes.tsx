import { ErrorMessage } from '../../govuk/ErrorMessage';

export type CheckboxOption = { value: string; label: string; hint?: string };

type CheckboxesProps = {
  /** Also the id of the first checkbox, which error summaries link to. */
  name: string;
  legend: string;
  hint?: string;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string;
};

/** GOV.UK checkboxes: any number of answers to one question, with its error. */
export function Checkboxes({
  name,
  legend,
  hint,
  options,
  values,
  onChange,
  error,
}: CheckboxesProps) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;

  function toggle(value: string, isChecked: boolean) {
    // In the order of the options, whatever order they were ticked in.
    onChange(
      options
        .map((option) => option.value)
        .filter((candidate) => (candidate === value ? isChecked : values.includes(candidate))),
    );
  }

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const optionHintId = `${id}-item-hint`;
            return (
              <div key={option.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  checked={values.includes(option.value)}
                  aria-describedby={option.hint ? optionHintId : undefined}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={optionHintId} className="govuk-hint govuk-checkboxes__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
