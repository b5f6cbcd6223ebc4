import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { focusNonInteractive } from './focus';

/**
 * A client-side route change is silent for screen reader users, so after each one (but not on
 * the first page load) scroll to the top and move focus to the new page's h1, or to <main>.
 */
export function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  useFocusHeadingOnChange(pathname);
}

/**
 * The same for a page that replaces its own content without a route change, such as a form
 * whose confirmation appears in its place: call it with the value that says which view shows.
 */
export function useFocusHeadingOnChange(view: unknown) {
  const shownView = useRef(view);

  useEffect(() => {
    if (Object.is(shownView.current, view)) return;
    shownView.current = view;

    const main = document.getElementById('main-content');
    const target = main?.querySelector('h1') ?? main;
    if (!target) return;
    window.scrollTo(0, 0);
    focusNonInteractive(target, { preventScroll: true });
  }, [view]);
}
