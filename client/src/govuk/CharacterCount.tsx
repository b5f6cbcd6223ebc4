import { useEffect, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';

type CharacterCountProps = {
  id: string;
  label: string;
  /** Small for a question revealed under a choice; medium for one on a form page. */
  labelSize?: 's' | 'm';
  hint?: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  error?: string;
};

// Screen readers hear the count only once typing pauses, as in GOV.UK Frontend.
const announceDelayMs = 1000;

/**
 * GOV.UK character count, rendered by React rather than GOV.UK Frontend's script. The textarea
 * has no maxlength, so people can paste in more and then cut it down.
 */
export function CharacterCount({
  id,
  label,
  labelSize = 'm',
  hint,
  maxLength,
  value,
  onChange,
  error,
}: CharacterCountProps) {
  const remaining = maxLength - value.length;
  const countMessage = describeRemaining(remaining);
  const announcedMessage = useSettledValue(countMessage, announceDelayMs);
  const isOverLimit = remaining < 0;

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const infoId = `${id}-info`;
  const describedBy = [infoId, hint && hintId, error && errorId].filter(Boolean).join(' ');

  return (
    <div
      className={`govuk-form-group govuk-character-count${error ? ' govuk-form-group--error' : ''}`}
    >
      <label className={`govuk-label govuk-label--${labelSize}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        className={`govuk-textarea${error || isOverLimit ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={5}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <div id={infoId} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {maxLength.toLocaleString('en-GB')} characters
      </div>
      <div
        className={`govuk-character-count__message govuk-character-count__status ${isOverLimit ? 'govuk-error-message' : 'govuk-hint'}`}
        aria-hidden="true"
      >
        {countMessage}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {announcedMessage}
      </div>
    </div>
  );
}

function describeRemaining(remaining: number) {
  const count = Math.abs(remaining).toLocaleString('en-GB');
  const characters = Math.abs(remaining) === 1 ? 'character' : 'characters';
  return remaining < 0
    ? `You have ${count} ${characters} too many`
    : `You have ${count} ${characters} remaining`;
}

/** The value once it has stopped changing for `delayMs`. */
function useSettledValue<T>(value: T, delayMs: number) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
