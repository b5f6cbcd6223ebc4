import { FeedbackLink } from './FeedbackLink';

export function PhaseBanner() {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Your <FeedbackLink className="govuk-link">feedback</FeedbackLink>{' '}
          will help us improve it.
        </span>
      </p>
    </div>
  );
}
