import { ChoiceItem, type ChoiceOption } from './ChoiceItem';
import { ErrorMessage } from './ErrorMessage';
import { Legend, type LegendSize } from './Legend';

export type RadioOption<Value extends string> = ChoiceOption<Value>;

type RadiosProps<Value extends string> = {
  /** Also the id of the first radio, which error summaries link to. */
  name: string;
  legend: string;
  /** Makes the legend the page's h1, for pages that ask one question. */
  isPageHeading?: boolean;
  /** Medium for a question on a form page; small for one revealed under another's answer. */
  legendSize?: LegendSize;
  hint?: string;
  options: readonly RadioOption<Value>[];
  value: Value | null;
  onChange: (value: Value) => void;
  error?: string;
};

/** GOV.UK radios: one answer to one question, with its error. */
export function Radios<Value extends string>({
  name,
  legend,
  isPageHeading = false,
  legendSize = 'm',
  hint,
  options,
  value,
  onChange,
  error,
}: RadiosProps<Value>) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <Legend size={legendSize} isPageHeading={isPageHeading}>
          {legend}
        </Legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-radios">
          {options.map((option, index) => (
            <ChoiceItem
              key={option.value}
              kind="radios"
              id={index === 0 ? name : `${name}-${index + 1}`}
              name={name}
              option={option}
              isChecked={value === option.value}
              onChange={() => onChange(option.value)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
