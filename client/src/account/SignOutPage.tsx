import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useFocusHeadingOnChange } from '../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../shell/usePageTitle';
import { signOut } from './accountApi';
import { useViewer } from './ViewerProvider';

type Status = 'signing-out' | 'signed-out' | 'unavailable';

/**
 * Signs out as it opens, so the navigation's "Sign out" can be an ordinary link. The account
 * page sends `{ everywhere: true }` in the link state to end every session instead.
 */
export function SignOutPage() {
  const everywhere = (useLocation().state as { everywhere?: unknown } | null)?.everywhere === true;
  const { refresh } = useViewer();
  const [status, setStatus] = useState<Status>('signing-out');
  const hasStarted = useRef(false);

  useEffect(() => {
    if (hasStarted.current) return;
    hasStarted.current = true;
    signOut({ everywhere })
      .then(() => refresh())
      .then(
        // Still signed in means the sign-out did not take, whatever the API answered.
        (viewer) => setStatus(viewer ? 'unavailable' : 'signed-out'),
        () => setStatus('unavailable'),
      );
  }, [everywhere, refresh]);

  const title = {
    'signing-out': 'Signing you out',
    'signed-out': everywhere ? 'You have signed out of all devices' : 'You have signed out',
    unavailable: 'Sorry, there is a problem with the service',
  }[status];
  usePageTitle(title);
  useFocusHeadingOnChange(status);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {status === 'signed-out' && (
          <>
            {everywhere && (
              <p className="govuk-body">
                Harbour has signed you out on every phone, tablet and computer you used it on,
                including this one.
              </p>
            )}
            <p className="govuk-body">
              <Link to="/sign-in" className="govuk-link">
                Sign in again
              </Link>
            </p>
          </>
        )}
        {status === 'unavailable' && (
          <>
            <p className="govuk-body">You have not been signed out. Try again later.</p>
            <p className="govuk-body">
              If you are using a shared computer, close the browser when you have finished.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
