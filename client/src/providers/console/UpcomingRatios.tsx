import { SUPPORT_RATIOS } from '@harbour/shared';
import { useEffect, useState } from 'react';
import { DateInput, type DatePart } from '../../govuk/DateInput';
import { Select } from '../../govuk/Select';
import {
  blankUpcomingRatio,
  MAX_UPCOMING_RATIOS,
  upcomingRatioFieldId,
  type DateErrorParts,
  type ServiceField,
  type UpcomingRatioAnswer,
} from './serviceForm';

type UpcomingRatiosProps = {
  upcomingRatios: readonly UpcomingRatioAnswer[];
  onChange: (upcomingRatios: UpcomingRatioAnswer[]) => void;
  errorFor: (field: ServiceField) => string | undefined;
  dateErrorParts: DateErrorParts;
};

const ratioOptions = SUPPORT_RATIOS.items.map(({ code, label }) => ({ value: code, label }));

/**
 * Support the service will offer from a date, such as 1:1 support from September, as the "add
 * another" pattern: optional, so there may be no rows, up to the API's limit. Adding or removing
 * a row moves focus to a row's first field, or to the add button when none is left.
 */
export function UpcomingRatios({
  upcomingRatios,
  onChange,
  errorFor,
  dateErrorParts,
}: UpcomingRatiosProps) {
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId, upcomingRatios.length]);

  function change(index: number, change: Partial<UpcomingRatioAnswer>) {
    onChange(upcomingRatios.map((row, at) => (at === index ? { ...row, ...change } : row)));
  }

  function add() {
    const nextKey = Math.max(-1, ...upcomingRatios.map((row) => row.key)) + 1;
    onChange([...upcomingRatios, blankUpcomingRatio(nextKey)]);
    setFocusId(upcomingRatioFieldId(upcomingRatios.length, 'ratio'));
  }

  function remove(index: number) {
    onChange(upcomingRatios.filter((_row, at) => at !== index));
    setFocusId(
      upcomingRatios.length > 1
        ? upcomingRatioFieldId(Math.max(0, index - 1), 'ratio')
        : 'add-upcoming-ratio',
    );
  }

  return (
    <>
      <h2 className="govuk-heading-m">Support you will offer from a date (optional)</h2>
      <p className="govuk-body">
        If the service will offer a ratio from a later date, like 1:1 support from September, add it
        here. You can add up to {MAX_UPCOMING_RATIOS}.
      </p>
      {upcomingRatios.map((row, index) => {
        const fromId = upcomingRatioFieldId(index, 'from');
        const errorParts: readonly DatePart[] | undefined = dateErrorParts[fromId];
        return (
          <div key={row.key} className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Planned support {index + 1}
              </legend>
              <Select
                id={upcomingRatioFieldId(index, 'ratio')}
                label="Support ratio"
                options={ratioOptions}
                value={row.ratio}
                onChange={(ratio) => change(index, { ratio })}
                error={errorFor(upcomingRatioFieldId(index, 'ratio'))}
              />
              <DateInput
                id={fromId}
                legend="First day it is offered"
                hint="For example, 1 9 2027"
                value={row.from}
                onChange={(from) => change(index, { from })}
                error={errorFor(fromId)}
                errorParts={errorParts}
              />
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => remove(index)}
              >
                Remove<span className="govuk-visually-hidden"> planned support {index + 1}</span>
              </button>
            </fieldset>
          </div>
        );
      })}
      {upcomingRatios.length < MAX_UPCOMING_RATIOS && (
        <button
          type="button"
          id="add-upcoming-ratio"
          className="govuk-button govuk-button--secondary"
          onClick={add}
        >
          {upcomingRatios.length === 0 ? 'Add support from a date' : 'Add another planned support'}
        </button>
      )}
    </>
  );
}
