import { ChoiceItem, type ChoiceOption } from './ChoiceItem';
import { ErrorMessage } from './ErrorMessage';
import { Legend, type LegendSize } from './Legend';

export type CheckboxOption = ChoiceOption;

type CheckboxesProps = {
  /** Also the id of the first checkbox, which error summaries link to. */
  name: string;
  legend: string;
  /** Makes the legend the page's h1, for pages that ask one question. */
  isPageHeading?: boolean;
  /** Hides the legend visually, when a summary around the checkboxes already says it. */
  isLegendHidden?: boolean;
  /** GOV.UK legend size: small for filters, medium for a question on a form page. */
  legendSize?: LegendSize;
  hint?: string;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** GOV.UK's small checkboxes, for filters and long lists. */
  isSmall?: boolean;
  error?: string;
};

/** GOV.UK checkboxes: any number of answers to one question, with its error. */
export function Checkboxes({
  name,
  legend,
  isPageHeading = false,
  isLegendHidden = false,
  legendSize = 's',
  hint,
  options,
  values,
  onChange,
  isSmall = false,
  error,
}: CheckboxesProps) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;

  function toggle(value: string, isChecked: boolean) {
    // Kept in the order of the options, whatever order they were ticked in, so the same
    // choice always makes the same answer.
    onChange(
      options
        .map((option) => option.value)
        .filter((candidate) => (candidate === value ? isChecked : values.includes(candidate))),
    );
  }

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <Legend size={legendSize} isPageHeading={isPageHeading} isHidden={isLegendHidden}>
          {legend}
        </Legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={`govuk-checkboxes${isSmall ? ' govuk-checkboxes--small' : ''}`}>
          {options.map((option, index) => (
            <ChoiceItem
              key={option.value}
              kind="checkboxes"
              id={index === 0 ? name : `${name}-${index + 1}`}
              name={name}
              option={option}
              isChecked={values.includes(option.value)}
              onChange={(isChecked) => toggle(option.value, isChecked)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
