import type { MouseEvent } from 'react';
import { focusNonInteractive } from './focus';

export function SkipLink() {
  function skipToMainContent(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById('main-content');
    if (!main) return;
    event.preventDefault();
    focusNonInteractive(main);
  }

  return (
    <a href="#main-content" className="govuk-skip-link" onClick={skipToMainContent}>
      Skip to main content
    </a>
  );
}
