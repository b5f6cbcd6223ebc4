import {
  createContext,
  use,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { fetchViewer, type Viewer } from './viewer';

type ViewerState =
  | { status: 'loading'; viewer: null }
  | { status: 'signed-in'; viewer: Viewer }
  | { status: 'signed-out'; viewer: null }
  /** The API could not say who is signed in. */
  | { status: 'unavailable'; viewer: null };

type ViewerContextValue = ViewerState & {
  /** Asks the API again, after signing in or out; resolves to the viewer, or throws. */
  refresh: () => Promise<Viewer | null>;
};

const ViewerContext = createContext<ViewerContextValue | null>(null);

/** Knows who is signed in, for the navigation and for pages that need an account. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ViewerState>({ status: 'loading', viewer: null });
  // Only the latest request may set the state, so a slow early answer cannot undo a sign-in.
  const latestRequest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const viewer = await fetchViewer();
      if (request === latestRequest.current) {
        setState(viewer ? { status: 'signed-in', viewer } : { status: 'signed-out', viewer: null });
      }
      return viewer;
    } catch (error) {
      if (request === latestRequest.current) setState({ status: 'unavailable', viewer: null });
      throw error;
    }
  }, []);

  useEffect(() => {
    // A failure is already recorded as 'unavailable'; pages that need the viewer say so.
    refresh().catch(() => {});
  }, [refresh]);

  return <ViewerContext value={{ ...state, refresh }}>{children}</ViewerContext>;
}

export function useViewer(): ViewerContextValue {
  const context = use(ViewerContext);
  if (!context) throw new Error('useViewer must be used inside <ViewerProvider>');
  return context;
}
