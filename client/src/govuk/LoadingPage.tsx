import { useEffect } from 'react';
import { focusNonInteractive } from '../shell/focus';
import { usePageTitle } from '../shell/usePageTitle';

/**
 * What a page shows while it loads what it is about: a status message that screen readers
 * announce, and a title of its own, so the last page's title does not linger.
 */
export function LoadingPage({ title = 'Loading' }: { title?: string }) {
  usePageTitle(title);

  // A navigation moves focus to <main> when there is no h1 yet, as while loading: once the page
  // replaces this message, focus moves on to its heading so that it is announced.
  useEffect(
    () => () => {
      const main = document.getElementById('main-content');
      const heading = main?.querySelector('h1');
      if (heading && document.activeElement === main) {
        window.scrollTo(0, 0);
        focusNonInteractive(heading, { preventScroll: true });
      }
    },
    [],
  );

  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}
