import { useEffect, useState } from 'react';
import { useSendToSignIn } from './RequireSignIn';

type QueryState<Data> =
  { status: 'loading' } | { status: 'ready'; data: Data } | { status: 'failed' };

/**
 * Loads what a signed-in page shows. `load` must keep its identity between renders (declare it
 * outside the component). `reload` fetches again, keeping the current data on screen meanwhile.
 */
export function useSignedInQuery<Data>(load: () => Promise<Data>) {
  const sendToSignIn = useSendToSignIn();
  const [state, setState] = useState<QueryState<Data>>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => {
        if (isCurrent) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (isCurrent && !sendToSignIn(error)) {
          setState({ status: 'failed' });
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, version, sendToSignIn]);

  return { state, reload: () => setVersion((count) => count + 1) };
}
