import { Fragment, type ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { Legend, type LegendSize } from './Legend';

export type RadioOption<Value extends string> = {
  value: Value;
  label: string;
  hint?: string;
  /**
   * A follow-up question that only applies to this answer: shown under the option while it is
   * selected (GOV.UK's conditional reveal).
   */
  conditional?: ReactNode;
};

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
  const hasConditionals = options.some((option) => option.conditional !== undefined);

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
        <div className={`govuk-radios${hasConditionals ? ' govuk-radios--conditional' : ''}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const optionHintId = `${id}-item-hint`;
            const conditionalId = `conditional-${id}`;
            const isChecked = value === option.value;
            const hasConditional = option.conditional !== undefined;
            return (
              <Fragment key={option.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={option.value}
                    checked={isChecked}
                    aria-describedby={option.hint ? optionHintId : undefined}
                    aria-controls={hasConditional ? conditionalId : undefined}
                    onChange={() => onChange(option.value)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint && (
                    <div id={optionHintId} className="govuk-hint govuk-radios__hint">
                      {option.hint}
                    </div>
                  )}
                </div>
                {/* In the page while hidden too, as GOV.UK Frontend has it, so the radio's
                    aria-controls always names an element. */}
                {hasConditional && (
                  <div
                    id={conditionalId}
                    className={`govuk-radios__conditional${isChecked ? '' : ' govuk-radios__conditional--hidden'}`}
                  >
                    {option.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
