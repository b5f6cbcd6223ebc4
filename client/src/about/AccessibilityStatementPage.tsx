import { FeedbackLink } from '../shell/FeedbackLink';
import { usePageTitle } from '../shell/usePageTitle';

export function AccessibilityStatementPage() {
  usePageTitle('Accessibility statement');

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement for Harbour</h1>
        <p className="govuk-body">
          This statement applies to Harbour, a service for finding, offering and planning short
          breaks for disabled children and young people in Devon.
        </p>
        <p className="govuk-body">
          We want as many people as possible to be able to use Harbour. For example, you should be
          able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use the whole service with just a keyboard</li>
          <li>use the service with speech recognition software</li>
          <li>listen to the service with a screen reader</li>
        </ul>

        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          Harbour is new and still being built. We build it to meet the Web Content Accessibility
          Guidelines (WCAG) version 2.2 at level AA, and check each page with automated tests and by
          keyboard. It has not yet had an independent accessibility audit.
        </p>
        <p className="govuk-body">We do not know of any part of Harbour that is hard to use.</p>

        <h2 className="govuk-heading-m">Reporting accessibility problems</h2>
        <p className="govuk-body">
          If you find a problem, or need information in a different format, tell us using the{' '}
          <FeedbackLink className="govuk-link">feedback form</FeedbackLink>.
        </p>
      </div>
    </div>
  );
}
