import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { Footer } from './Footer';
import { PhaseBanner } from './PhaseBanner';
import { ServiceNavigation } from './ServiceNavigation';
import { SkipLink } from './SkipLink';
import { useFocusHeadingOnNavigate } from './useFocusHeadingOnNavigate';

export function Layout() {
  const { pathname } = useLocation();
  useFocusHeadingOnNavigate();

  return (
    <>
      <SkipLink />
      <header className="govuk-template__header">
        <ServiceNavigation />
      </header>
      <div className="govuk-width-container">
        <PhaseBanner />
        <main className="govuk-main-wrapper" id="main-content">
          {/* Keyed by path so that leaving a page that failed shows the next one normally. */}
          <ErrorBoundary key={pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
      <Footer />
    </>
  );
}
