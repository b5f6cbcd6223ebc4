import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

type PasswordInputProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoComplete: 'current-password' | 'new-password';
};

/**
 * GOV.UK password input, rendered by React rather than GOV.UK Frontend's script: a "Show" button
 * lets people check what they typed, and the password is hidden again whenever the form is sent
 * so that browsers never offer to remember it as plain text.
 */
export function PasswordInput({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  autoComplete,
}: PasswordInputProps) {
  const [isShown, setIsShown] = useState(false);
  // Nothing is announced until the person first shows or hides the password.
  const [announcement, setAnnouncement] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const hide = () => setIsShown(false);
    form.addEventListener('submit', hide);
    return () => form.removeEventListener('submit', hide);
  }, []);

  function toggle() {
    setIsShown(!isShown);
    setAnnouncement(isShown ? 'Your password is hidden' : 'Your password is visible');
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div
      className={`govuk-form-group govuk-password-input${error ? ' govuk-form-group--error' : ''}`}
    >
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          ref={input}
          className={`govuk-input govuk-password-input__input${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={id}
          type={isShown ? 'text' : 'password'}
          spellCheck={false}
          autoCapitalize="none"
          autoComplete={autoComplete}
          aria-describedby={describedBy}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <div className="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite">
          {announcement}
        </div>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle"
          aria-controls={id}
          aria-label={isShown ? 'Hide password' : 'Show password'}
          onClick={toggle}
        >
          {isShown ? 'Hide' : 'Show'}
        </button>
      </div>
    </div>
  );
}
