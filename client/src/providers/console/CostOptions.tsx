import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../govuk/ErrorMessage';
import { costUnits } from './consoleApi';
import { costUnitLabels } from './describe';
import { Select } from '../../govuk/Select';
import { blankCost, costFieldId, type CostAnswer, type ServiceField } from './serviceForm';

type CostOptionsProps = {
  costs: readonly CostAnswer[];
  onChange: (costs: CostAnswer[]) => void;
  errorFor: (field: ServiceField) => string | undefined;
};

/**
 * What the service costs, one fieldset a cost, as the "add another" pattern: there is always at
 * least one row, and adding or removing one moves focus to a row's first field.
 */
export function CostOptions({ costs, onChange, errorFor }: CostOptionsProps) {
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId, costs.length]);

  function change(index: number, change: Partial<CostAnswer>) {
    onChange(costs.map((cost, row) => (row === index ? { ...cost, ...change } : cost)));
  }

  function add() {
    const nextKey = Math.max(-1, ...costs.map((cost) => cost.key)) + 1;
    onChange([...costs, blankCost(nextKey)]);
    setFocusId(costFieldId(costs.length, 'label'));
  }

  function remove(index: number) {
    onChange(costs.filter((_cost, row) => row !== index));
    setFocusId(costFieldId(Math.max(0, index - 1), 'label'));
  }

  return (
    <>
      <h2 className="govuk-heading-m">Costs</h2>
      <p className="govuk-body">
        Add each price families might pay, like a standard session and a longer day. Leave it blank
        if the service is free.
      </p>
      {costs.map((cost, index) => {
        const labelId = costFieldId(index, 'label');
        const amountId = costFieldId(index, 'amount');
        const amountError = errorFor(amountId);
        const labelError = errorFor(labelId);
        return (
          <div key={cost.key} className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Cost {index + 1}
              </legend>
              <div className={`govuk-form-group${labelError ? ' govuk-form-group--error' : ''}`}>
                <label className="govuk-label" htmlFor={labelId}>
                  What it is for
                </label>
                <div id={`${labelId}-hint`} className="govuk-hint">
                  For example, Standard session
                </div>
                {labelError && <ErrorMessage id={`${labelId}-error`}>{labelError}</ErrorMessage>}
                <input
                  className={`govuk-input${labelError ? ' govuk-input--error' : ''}`}
                  id={labelId}
                  name={labelId}
                  type="text"
                  aria-describedby={[`${labelId}-hint`, labelError && `${labelId}-error`]
                    .filter(Boolean)
                    .join(' ')}
                  value={cost.label}
                  onChange={(event) => change(index, { label: event.target.value })}
                />
              </div>
              <div className={`govuk-form-group${amountError ? ' govuk-form-group--error' : ''}`}>
                <label className="govuk-label" htmlFor={amountId}>
                  Amount in pounds
                </label>
                {amountError && <ErrorMessage id={`${amountId}-error`}>{amountError}</ErrorMessage>}
                <div className="govuk-input__wrapper">
                  <div className="govuk-input__prefix" aria-hidden="true">
                    £
                  </div>
                  <input
                    className={`govuk-input govuk-input--width-5${amountError ? ' govuk-input--error' : ''}`}
                    id={amountId}
                    name={amountId}
                    type="text"
                    inputMode="decimal"
                    spellCheck={false}
                    aria-describedby={amountError ? `${amountId}-error` : undefined}
                    value={cost.amount}
                    onChange={(event) => change(index, { amount: event.target.value })}
                  />
                </div>
              </div>
              <Select
                id={costFieldId(index, 'unit')}
                label="How it is charged"
                options={costUnits.map((unit) => ({ value: unit, label: costUnitLabels[unit] }))}
                value={cost.unit}
                onChange={(value) =>
                  change(index, { unit: costUnits.find((unit) => unit === value) ?? cost.unit })
                }
                error={errorFor(costFieldId(index, 'unit'))}
              />
              {costs.length > 1 && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => remove(index)}
                >
                  Remove<span className="govuk-visually-hidden"> cost {index + 1}</span>
                </button>
              )}
            </fieldset>
          </div>
        );
      })}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={add}>
        Add another cost
      </button>
    </>
  );
}
