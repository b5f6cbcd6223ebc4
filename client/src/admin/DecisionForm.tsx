import type { FormEvent } from 'react';
import type { Decision } from './adminApi';

type DecisionFormProps = {
  /** What is decided on, for screen readers: each button names it, as there are several. */
  subject: string;
  approveLabel: string;
  onDecide: (event: FormEvent<HTMLFormElement>, decision: Decision) => void;
};

/** An administrator's two answers to a request: approve it, or reject it. */
export function DecisionForm({ subject, approveLabel, onDecide }: DecisionFormProps) {
  function decide(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    onDecide(event, submitter?.getAttribute('value') === 'REJECT' ? 'REJECT' : 'APPROVE');
  }

  return (
    <form noValidate onSubmit={decide}>
      <div className="govuk-button-group">
        <button type="submit" name="decision" value="APPROVE" className="govuk-button">
          {approveLabel}
          <span className="govuk-visually-hidden"> {subject}</span>
        </button>
        <button
          type="submit"
          name="decision"
          value="REJECT"
          className="govuk-button govuk-button--warning"
        >
          Reject<span className="govuk-visually-hidden"> {subject}</span>
        </button>
      </div>
    </form>
  );
}
