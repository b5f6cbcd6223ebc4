import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useFocusHeadingOnChange } from '../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../shell/usePageTitle';
import { verifyEmail } from './accountApi';

type Status = 'checking' | 'confirmed' | 'failed' | 'unavailable';

const titles: Record<Status, string> = {
  checking: 'Confirming your email address',
  confirmed: 'Email address confirmed',
  failed: 'This link has expired or has already been used',
  unavailable: 'Sorry, there is a problem with the service',
};

/** Where the link in the sign-up email leads: confirms the address as soon as it opens. */
export function VerifyEmailPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const [status, setStatus] = useState<Status>(token ? 'checking' : 'failed');
  // A token works once, so send it once even when React runs the effect twice in development.
  const hasSent = useRef(false);

  useEffect(() => {
    if (!token || hasSent.current) return;
    hasSent.current = true;
    verifyEmail(token).then(
      (userErrors) => setStatus(userErrors.length === 0 ? 'confirmed' : 'failed'),
      () => setStatus('unavailable'),
    );
  }, [token]);

  usePageTitle(titles[status]);
  useFocusHeadingOnChange(status);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {status === 'confirmed' ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{titles.confirmed}</h1>
          </div>
        ) : (
          <h1 className="govuk-heading-l">{titles[status]}</h1>
        )}
        {status === 'checking' && <p className="govuk-body">This will take a moment.</p>}
        {status === 'confirmed' && (
          <>
            <p className="govuk-body">Your family account is ready to use.</p>
            <Link to="/sign-in" className="govuk-button">
              Sign in
            </Link>
          </>
        )}
        {status === 'failed' && (
          <>
            <p className="govuk-body">
              A link to confirm your email address works once, for 24 hours.
            </p>
            <p className="govuk-body">
              If you have already confirmed your email address,{' '}
              <Link to="/sign-in" className="govuk-link">
                sign in
              </Link>
              .
            </p>
            <p className="govuk-body">
              Otherwise,{' '}
              <Link to="/sign-up" className="govuk-link">
                create your account again
              </Link>{' '}
              and we will send you a new link.
            </p>
          </>
        )}
        {status === 'unavailable' && (
          <p className="govuk-body">
            We could not confirm your email address. Try the link in your email again later.
          </p>
        )}
      </div>
    </div>
  );
}
