import { useCallback, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';

type WithChildProps<Data> = {
  /** Loads what the page shows of the child in the address; null when there is no such child. */
  load: (childId: string) => Promise<Data | null>;
  /** The page, once loaded. */
  children: (data: Data) => ReactNode;
};

/**
 * A page about one of the family's children (`:childId` in the address): nothing while it
 * loads, and "Page not found" for a child the signed-in person may not see.
 */
export function WithChild<Data>({ load, children }: WithChildProps<Data>) {
  const { childId = '' } = useParams();
  const loadChild = useCallback(() => load(childId), [load, childId]);
  const { state } = useSignedInQuery(loadChild);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <ServiceProblemPage />;
  if (state.data === null) return <NotFoundPage />;
  return children(state.data);
}
