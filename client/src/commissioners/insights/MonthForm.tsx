import { useState, type FormEvent } from 'react';
import { Select } from '../../govuk/Select';
import { monthWords } from './insightsWords';
import { monthChoices, useMonth } from './month';

/**
 * Chooses the month the figures count. The figures change only when the person presses the
 * button, never as they move through the list.
 */
export function MonthForm() {
  const [month, choose] = useMonth();
  const [answer, setAnswer] = useState(month);
  const choices = monthChoices();
  const options = (choices.includes(month) ? choices : [month, ...choices]).map((value) => ({
    value,
    label: monthWords(value),
  }));

  function show(event: FormEvent) {
    event.preventDefault();
    choose(answer);
  }

  return (
    <form noValidate onSubmit={show} className="harbour-insights-month harbour-no-print">
      <Select id="month" label="Month" options={options} value={answer} onChange={setAnswer} />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show this month
      </button>
    </form>
  );
}
