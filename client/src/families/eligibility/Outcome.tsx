import type { CriterionOutcome, Outcome as OutcomeCode, Reason } from '@harbour/shared';

/**
 * What is decided: a tier of the council's offer, where "needs an assessment" means the
 * council's; or a service, where it mostly means a question for the provider.
 */
type Subject = 'tier' | 'service';

const OUTCOMES: Record<OutcomeCode, { words: Record<Subject, string>; className: string }> = {
  ELIGIBLE: { words: { tier: 'Eligible', service: 'Eligible' }, className: 'govuk-tag--green' },
  NEEDS_ASSESSMENT: {
    words: {
      tier: 'May be eligible after an assessment',
      service: 'May be able to go: check first',
    },
    className: 'govuk-tag--yellow',
  },
  NOT_ELIGIBLE: {
    words: { tier: 'Not eligible', service: 'Not eligible' },
    className: 'govuk-tag--grey',
  },
};

const CRITERION_OUTCOMES: Record<CriterionOutcome, Record<Subject, string>> = {
  MET: { tier: 'Met', service: 'Met' },
  NOT_MET: { tier: 'Not met', service: 'Not met' },
  NEEDS_ASSESSMENT: { tier: 'Needs an assessment', service: 'Check first' },
};

export function OutcomeTag({ outcome, subject }: { outcome: OutcomeCode; subject: Subject }) {
  const { words, className } = OUTCOMES[outcome];
  return <strong className={`govuk-tag ${className}`}>{words[subject]}</strong>;
}

/** Each reason with its outcome in words first, and what would change it where something would. */
export function ReasonList({ reasons, subject }: { reasons: readonly Reason[]; subject: Subject }) {
  return (
    <ul className="govuk-list harbour-reasons">
      {reasons.map((reason) => (
        <li key={`${reason.criterion}:${reason.reason}`}>
          <span className="govuk-!-font-weight-bold">
            {CRITERION_OUTCOMES[reason.outcome][subject]}:
          </span>{' '}
          {reason.reason}
          {reason.change && (
            <span className="harbour-reasons__change">What would change this: {reason.change}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
