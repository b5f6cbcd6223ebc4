import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useViewer } from '../../account/ViewerProvider';
import { NO_ANSWERS, type CheckerAnswers } from './checkerAnswers';
import { fetchPublishedRules, type EligibilityCheck, type PublishedRules } from './eligibilityApi';

export type RulesState =
  { status: 'loading' } | { status: 'ready'; rules: PublishedRules | null } | { status: 'failed' };

type Checker = {
  answers: CheckerAnswers;
  /** Changes some answers; a result from the old answers no longer holds, so it goes. */
  answer: (change: Partial<CheckerAnswers>) => void;
  /** The last check, from the answers as they are now. */
  result: EligibilityCheck | null;
  setResult: (result: EligibilityCheck) => void;
  /** Forgets every answer and the result. */
  startAgain: () => void;
  rules: RulesState;
  /** Loads the published rules, once, for the pages that explain or ask about the tiers. */
  requestRules: () => void;
};

const CheckerContext = createContext<Checker | null>(null);

/**
 * The anonymous eligibility checker's answers and result. They are kept in this component's
 * memory only, never in localStorage, sessionStorage or a cookie, so nothing about a child is
 * left behind on a shared or library computer: they go when the tab closes or the page
 * reloads. It sits around the layout, not just the checker's pages, because the layout
 * remounts each page when the path changes, and the answers must outlive each question.
 *
 * They belong to whoever is signed in when they are given: signing in or out (as another person
 * on the same computer may) forgets them.
 */
export function EligibilityCheckerProvider({ children }: { children: ReactNode }) {
  const viewerId = useViewer().viewer?.id ?? null;
  const [answersOf, setAnswersOf] = useState(viewerId);
  const [answers, setAnswers] = useState(NO_ANSWERS);
  const [result, setResult] = useState<EligibilityCheck | null>(null);
  const [rules, setRules] = useState<RulesState>({ status: 'loading' });
  const isRulesRequested = useRef(false);

  if (answersOf !== viewerId) {
    setAnswersOf(viewerId);
    setAnswers(NO_ANSWERS);
    setResult(null);
  }

  const answer = useCallback((change: Partial<CheckerAnswers>) => {
    setAnswers((current) => ({ ...current, ...change }));
    setResult(null);
  }, []);

  const startAgain = useCallback(() => {
    setAnswers(NO_ANSWERS);
    setResult(null);
  }, []);

  const requestRules = useCallback(() => {
    if (isRulesRequested.current) return;
    isRulesRequested.current = true;
    setRules({ status: 'loading' });
    fetchPublishedRules().then(
      (published) => setRules({ status: 'ready', rules: published }),
      () => {
        // The next page that needs them tries again.
        isRulesRequested.current = false;
        setRules({ status: 'failed' });
      },
    );
  }, []);

  const checker = useMemo(
    () => ({ answers, answer, result, setResult, startAgain, rules, requestRules }),
    [answers, answer, result, startAgain, rules, requestRules],
  );
  return <CheckerContext value={checker}>{children}</CheckerContext>;
}

export function useChecker(): Checker {
  const checker = useContext(CheckerContext);
  if (!checker) throw new Error('useChecker must be used inside <EligibilityCheckerProvider>');
  return checker;
}

/** The published rules, loaded the first time a page asks for them. */
export function usePublishedRules(): RulesState {
  const { rules, requestRules } = useChecker();
  useEffect(requestRules, [requestRules]);
  return rules;
}
