import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import type { ProviderConsole } from './consoleApi';
import { consoleRoot, useConsole } from './useConsole';

type WithConsoleProps = {
  /** The page, once the console it edits has loaded. */
  children: (details: ProviderConsole, pathTo: (path?: string) => string) => ReactNode;
};

/** Loads the console an edit page changes; until an organisation is chosen, sends people to choose. */
export function WithConsole({ children }: WithConsoleProps) {
  const { state, pathTo } = useConsole();

  if (state.status === 'loading') return null;
  if (state.status === 'failed') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
          <p className="govuk-body">
            We cannot show your organisation&apos;s details at the moment. Try again later.
          </p>
        </div>
      </div>
    );
  }
  if (state.data.kind === 'choose') return <Navigate replace to={consoleRoot} />;
  return (
    <>
      <Link to={pathTo()} className="govuk-back-link">
        Back to the provider console
      </Link>
      {children(state.data.console, pathTo)}
    </>
  );
}
