import type { CriterionOutcome, Outcome as OutcomeCode, Reason } from '@harbour/shared';

const OUTCOMES: Record<OutcomeCode, { words: string; className: string }> = {
  ELIGIBLE: { words: 'Eligible', className: 'govuk-tag--green' },
  NEEDS_ASSESSMENT: {
    words: 'May be eligible after an assessment',
    className: 'govuk-tag--yellow',
  },
  NOT_ELIGIBLE: { words: 'Not eligible', className: 'govuk-tag--grey' },
};

const CRITERION_OUTCOMES: Record<CriterionOutcome, string> = {
  MET: 'Met',
  NOT_MET: 'Not met',
  NEEDS_ASSESSMENT: 'Needs an assessment',
};

export function OutcomeTag({ outcome }: { outcome: OutcomeCode }) {
  const { words, className } = OUTCOMES[outcome];
  return <strong className={`govuk-tag ${className}`}>{words}</strong>;
}

/** Each reason with its outcome in words first, and what would change it where something would. */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  return (
    <ul className="govuk-list harbour-reasons">
      {reasons.map((reason) => (
        <li key={`${reason.criterion}:${reason.reason}`}>
          <span className="govuk-!-font-weight-bold">{CRITERION_OUTCOMES[reason.outcome]}:</span>{' '}
          {reason.reason}
          {reason.change && (
            <span className="harbour-reasons__change">What would change this: {reason.change}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
