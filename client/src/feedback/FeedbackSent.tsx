import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { focusNonInteractive } from '../shell/focus';

export function FeedbackSent({ returnTo }: { returnTo: string }) {
  const heading = useRef<HTMLHeadingElement>(null);

  // The form has gone, so tell screen reader users what happened instead.
  useEffect(() => {
    if (heading.current) focusNonInteractive(heading.current);
  }, []);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 ref={heading} className="govuk-panel__title">
            Thank you for your feedback
          </h1>
        </div>
        <p className="govuk-body">We will use it to improve Harbour.</p>
        <p className="govuk-body">
          <Link to={returnTo} className="govuk-link">
            Go back to the page you were on
          </Link>
        </p>
      </div>
    </div>
  );
}
