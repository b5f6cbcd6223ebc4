import type { ReactNode } from 'react';

/** An answer to choose, as radios and checkboxes take their options. */
export type ChoiceOption<Value extends string = string> = {
  value: Value;
  label: string;
  hint?: string;
  /**
   * Questions that only apply to this answer: shown under it while it is chosen (GOV.UK's
   * conditional reveal).
   */
  conditional?: ReactNode;
};

type ChoiceItemProps = {
  /** The GOV.UK component it is an item of, which names its classes and its input's type. */
  kind: 'radios' | 'checkboxes';
  id: string;
  name: string;
  option: ChoiceOption;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
};

/** One radio or checkbox with its label, hint and conditional reveal. */
export function ChoiceItem({ kind, id, name, option, isChecked, onChange }: ChoiceItemProps) {
  const { value, label, hint, conditional } = option;
  const hintId = `${id}-item-hint`;
  const conditionalId = `conditional-${id}`;
  const hasConditional = conditional !== undefined;
  return (
    <>
      <div className={`govuk-${kind}__item`}>
        <input
          className={`govuk-${kind}__input`}
          id={id}
          name={name}
          type={kind === 'radios' ? 'radio' : 'checkbox'}
          value={value}
          checked={isChecked}
          aria-describedby={hint ? hintId : undefined}
          aria-controls={hasConditional ? conditionalId : undefined}
          // As GOV.UK Frontend does, but on checkboxes only: axe 4.13 rejects it on radios.
          aria-expanded={hasConditional && kind === 'checkboxes' ? isChecked : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
          {label}
        </label>
        {hint && (
          <div id={hintId} className={`govuk-hint govuk-${kind}__hint`}>
            {hint}
          </div>
        )}
      </div>
      {/* In the page while hidden too, as GOV.UK Frontend has it, so the input's aria-controls
          always names an element. */}
      {hasConditional && (
        <div
          id={conditionalId}
          className={`govuk-${kind}__conditional${isChecked ? '' : ` govuk-${kind}__conditional--hidden`}`}
        >
          {conditional}
        </div>
      )}
    </>
  );
}
