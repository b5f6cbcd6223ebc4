import { useCallback, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { LoadingPage } from '../../govuk/LoadingPage';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';

/** What a page about a child can do once it has loaded. */
export type LoadedChild = {
  /** Fetches again, keeping the page on screen meanwhile. */
  reload: () => void;
  /** True when fetching again failed: the page still shows what it had. */
  hasReloadFailed: boolean;
};

type WithChildProps<Data> = {
  /** Loads what the page shows of the child in the address; null when there is no such child. */
  load: (childId: string) => Promise<Data | null>;
  /** The page, once loaded. */
  children: (data: Data, loaded: LoadedChild) => ReactNode;
};

/**
 * A page about one of the family's children (`:childId` in the address): "Loading…" while it
 * loads, and "Page not found" for a child the signed-in person may not see.
 */
export function WithChild<Data>(props: WithChildProps<Data>) {
  const { childId = '' } = useParams();
  // Another child's page starts afresh rather than showing the last child's meanwhile.
  return <ChildPage key={childId} childId={childId} {...props} />;
}

function ChildPage<Data>({ childId, load, children }: WithChildProps<Data> & { childId: string }) {
  const loadChild = useCallback(() => load(childId), [load, childId]);
  const { state, reload } = useSignedInQuery(loadChild);
  // What was last loaded, so that a reload that fails leaves it on screen.
  const [shown, setShown] = useState<{ data: Data | null } | null>(null);
  if (state.status === 'ready' && shown?.data !== state.data) setShown({ data: state.data });

  if (state.status === 'failed' && !shown) return <ServiceProblemPage />;
  const loaded = state.status === 'ready' ? { data: state.data } : shown;
  if (!loaded) return <LoadingPage />;
  if (loaded.data === null) return <NotFoundPage />;
  return children(loaded.data, { reload, hasReloadFailed: state.status === 'failed' });
}
