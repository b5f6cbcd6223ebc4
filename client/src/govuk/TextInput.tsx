import type { HTMLAttributes, ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

type TextInputProps = {
  id: string;
  label: string;
  /** Makes the label the page's h1, for pages that ask one question. */
  isPageHeading?: boolean;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** A GOV.UK width class, such as govuk-input--width-10; fields are full width otherwise. */
  widthClass?: string;
  /** Off for names, addresses and codes, which spellcheckers only get wrong. */
  spellCheck?: boolean;
  /** Shown before the box, such as £; screen readers hear the label, which should say it too. */
  prefix?: string;
};

export function TextInput({
  id,
  label,
  isPageHeading = false,
  hint,
  value,
  onChange,
  error,
  type = 'text',
  autoComplete,
  inputMode,
  widthClass,
  spellCheck,
  prefix,
}: TextInputProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? ' govuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );

  const input = (
    <input
      className={['govuk-input', widthClass, error && 'govuk-input--error']
        .filter(Boolean)
        .join(' ')}
      id={id}
      name={id}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      spellCheck={spellCheck}
      autoCapitalize={type === 'email' ? 'none' : undefined}
      aria-describedby={describedBy}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
