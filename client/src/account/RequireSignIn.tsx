import { useCallback, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isUnauthenticated } from '../api/graphql';
import { ServiceProblemPage } from '../shell/ServiceProblemPage';
import { usePageTitle } from '../shell/usePageTitle';
import { homePathFor, signInPath, type Role, type Viewer } from './viewer';
import { useViewer } from './ViewerProvider';

type RequireSignInProps = {
  /** The roles that may use the page; any signed-in person when omitted. */
  roles?: readonly Role[];
  children: ReactNode;
};

/** Shows the page only to someone signed in with the right role; sends anyone else to sign in. */
export function RequireSignIn({ roles, children }: RequireSignInProps) {
  const { status, viewer } = useViewer();
  const { pathname, search } = useLocation();

  if (status === 'loading') return null;
  if (status === 'unavailable') return <ServiceProblemPage />;
  if (!viewer) return <Navigate replace to={signInPath(pathname + search)} />;
  if (roles && !roles.includes(viewer.role))
    return <NoAccessPage home={homePathFor(viewer.role)} />;
  return children;
}

/** The signed-in person, for pages inside <RequireSignIn>. */
export function useSignedInViewer(): Viewer {
  const { viewer } = useViewer();
  if (!viewer) throw new Error('useSignedInViewer must be used inside <RequireSignIn>');
  return viewer;
}

/**
 * Returns a failure handler for requests a signed-in page makes: when the API says the session
 * has ended, it sends the person to sign in and back here, and returns true.
 */
export function useSendToSignIn(): (error: unknown) => boolean {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const { refresh } = useViewer();

  return useCallback(
    (error: unknown) => {
      if (!isUnauthenticated(error)) return false;
      // The navigation should stop offering signed-in links; sign-in works without it.
      refresh().catch(() => {});
      navigate(signInPath(pathname + search), { replace: true });
      return true;
    },
    [navigate, pathname, search, refresh],
  );
}

function NoAccessPage({ home }: { home: string }) {
  usePageTitle('You cannot use this page');

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You cannot use this page</h1>
        <p className="govuk-body">This page is for a different kind of Harbour account.</p>
        <p className="govuk-body">
          <Link to={home} className="govuk-link">
            Go to your Harbour home page
          </Link>
        </p>
      </div>
    </div>
  );
}
