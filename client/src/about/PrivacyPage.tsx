import { usePageTitle } from '../shell/usePageTitle';

export function PrivacyPage() {
  usePageTitle('Privacy');

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Privacy</h1>
        <p className="govuk-body">
          This page explains what information Harbour keeps while it is being built. We will update
          it before you can create an account, book or pay through Harbour.
        </p>

        <h2 className="govuk-heading-m">Feedback</h2>
        <p className="govuk-body">
          When you send feedback, we keep your rating, your comments and the address of the page you
          were on. We use them only to improve Harbour.
        </p>
        <p className="govuk-body">
          Do not include personal or financial information in your comments, like your child’s name
          or your bank details.
        </p>

        <h2 className="govuk-heading-m">Cookies</h2>
        <p className="govuk-body">Harbour does not use cookies for analytics or advertising.</p>
      </div>
    </div>
  );
}
