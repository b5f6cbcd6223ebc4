import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { focusNonInteractive } from './focus';

/**
 * A client-side route change is silent for screen reader users, so after each one (but not on
 * the first page load) scroll to the top and move focus to the new page's h1, or to <main>.
 */
export function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const shownPathname = useRef(pathname);

  useEffect(() => {
    if (shownPathname.current === pathname) return;
    shownPathname.current = pathname;

    const main = document.getElementById('main-content');
    const target = main?.querySelector('h1') ?? main;
    if (!target) return;
    window.scrollTo(0, 0);
    focusNonInteractive(target, { preventScroll: true });
  }, [pathname]);
}
