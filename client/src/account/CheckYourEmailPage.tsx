import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';

type CheckYourEmailPageProps = {
  /** Why the email was sent: to confirm a new account, or to reset a password. */
  purpose: 'sign-up' | 'password-reset';
};

/**
 * Shown after asking for an email. It reads the same whether or not the address has an account,
 * so that nobody can use Harbour to find out who is registered.
 */
export function CheckYourEmailPage({ purpose }: CheckYourEmailPageProps) {
  usePageTitle('Check your email');
  const email = emailFrom(useLocation().state);
  const address = email ? <strong>{email}</strong> : 'the email address you gave';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        {purpose === 'sign-up' ? (
          <>
            <p className="govuk-body">We have sent a link to {address}.</p>
            <p className="govuk-body">
              Select the link in the email to confirm your email address and finish creating your
              account. The link expires in 24 hours.
            </p>
          </>
        ) : (
          <>
            <p className="govuk-body">
              If {address} has a Harbour account, we have sent a link to it.
            </p>
            <p className="govuk-body">Select the link in the email to create a new password.</p>
          </>
        )}
        <h2 className="govuk-heading-m">If you do not get an email</h2>
        <p className="govuk-body">
          It can take a few minutes to arrive. Check your spam or junk folder.
        </p>
        <p className="govuk-body">
          If it still has not arrived,{' '}
          {purpose === 'sign-up' ? (
            <Link to="/sign-up" className="govuk-link">
              create your account again
            </Link>
          ) : (
            <Link to="/forgot-password" className="govuk-link">
              ask for another link
            </Link>
          )}
          .
        </p>
      </div>
    </div>
  );
}

function emailFrom(linkState: unknown): string | null {
  const email = (linkState as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : null;
}
