export type SelectOption = { value: string; label: string };

type SelectProps = {
  id: string;
  label: string;
  hint?: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
};

/** GOV.UK select, for a short list where the first answer is a sensible default. */
export function Select({ id, label, hint, options, value, onChange }: SelectProps) {
  const hintId = `${id}-hint`;

  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      <select
        className="govuk-select"
        id={id}
        name={id}
        aria-describedby={hint ? hintId : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
