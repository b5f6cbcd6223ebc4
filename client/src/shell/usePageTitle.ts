import { useEffect } from 'react';

/** Sets the document title; GOV.UK prefixes it with "Error: " while a page shows errors. */
export function usePageTitle(title: string, { hasErrors = false } = {}) {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Harbour`;
  }, [title, hasErrors]);
}
