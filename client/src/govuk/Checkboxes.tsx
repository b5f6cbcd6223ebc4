export type CheckboxOption = { value: string; label: string };

type CheckboxesProps = {
  /** Also the id of the first checkbox, which error summaries link to. */
  name: string;
  legend: string;
  /** Hides the legend visually, when a heading or summary above already says it. */
  isLegendHidden?: boolean;
  hint?: string;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** GOV.UK's small checkboxes, for filters. */
  isSmall?: boolean;
};

/** GOV.UK checkboxes: several answers to one question. */
export function Checkboxes({
  name,
  legend,
  isLegendHidden = false,
  hint,
  options,
  values,
  onChange,
  isSmall = false,
}: CheckboxesProps) {
  const hintId = `${name}-hint`;

  function toggle(value: string, isChecked: boolean) {
    // Kept in the order of the options, so the same choice always makes the same search.
    onChange(
      options
        .map((option) => option.value)
        .filter((candidate) => (candidate === value ? isChecked : values.includes(candidate))),
    );
  }

  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby={hint ? hintId : undefined}>
        <legend
          className={
            isLegendHidden
              ? 'govuk-visually-hidden'
              : 'govuk-fieldset__legend govuk-fieldset__legend--s'
          }
        >
          {legend}
        </legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        <div className={`govuk-checkboxes${isSmall ? ' govuk-checkboxes--small' : ''}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div key={option.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  checked={values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
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
