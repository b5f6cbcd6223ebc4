import { useEffect, useMemo, useState } from 'react';
import type { FormError } from '../../api/userErrors';
import {
  searchDirectory,
  type DirectorySearchInput,
  type ListingSummary,
  type SearchPage,
} from './directoryApi';
import {
  searchErrorsFrom,
  searchInputFrom,
  type SearchCriteria,
  type SearchField,
} from './searchCriteria';

type Results = {
  status: 'ready';
  /** The first page: the place, the count and the map's markers. */
  first: SearchPage;
  listings: ListingSummary[];
  endCursor: string | null;
  hasNextPage: boolean;
  isLoadingMore: boolean;
  hasMoreFailed: boolean;
};

type Outcome =
  Results | { status: 'invalid'; errors: FormError<SearchField>[] } | { status: 'failed' };

export type SearchState = { status: 'idle' } | { status: 'loading' } | Outcome;

/**
 * Runs the search in the address bar whenever it changes (`criteria` is null when there is
 * none), and pages through its results with the API's cursor. `isWaiting` holds the search back
 * (it shows as loading) until something it depends on is known.
 */
export function useDirectorySearch(
  criteria: SearchCriteria | null,
  { isWaiting = false }: { isWaiting?: boolean } = {},
) {
  const parsed = useMemo(() => (criteria ? searchInputFrom(criteria) : null), [criteria]);
  const input = parsed && 'input' in parsed && !isWaiting ? parsed.input : null;
  // Each answer remembers the search it answers, so a slow earlier one is never shown as the
  // answer to a later search.
  const [answer, setAnswer] = useState<{ input: DirectorySearchInput; outcome: Outcome } | null>(
    null,
  );

  useEffect(() => {
    if (!input) return;
    let isCurrent = true;
    searchDirectory(input).then(
      (first) => {
        if (!isCurrent) return;
        setAnswer({
          input,
          outcome:
            first.userErrors.length > 0
              ? { status: 'invalid', errors: searchErrorsFrom(first.userErrors) }
              : {
                  status: 'ready',
                  first,
                  listings: first.listings,
                  endCursor: first.endCursor,
                  hasNextPage: first.hasNextPage,
                  isLoadingMore: false,
                  hasMoreFailed: false,
                },
        });
      },
      () => {
        if (isCurrent) setAnswer({ input, outcome: { status: 'failed' } });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [input]);

  const state: SearchState = !parsed
    ? { status: 'idle' }
    : 'errors' in parsed
      ? { status: 'invalid', errors: parsed.errors }
      : input && answer?.input === input
        ? answer.outcome
        : { status: 'loading' };

  /** Appends the next page; resolves to the first new listing, if there is one. */
  async function loadMore(): Promise<ListingSummary | null> {
    if (!input || state.status !== 'ready' || !state.hasNextPage || state.isLoadingMore)
      return null;
    const showing = state;
    const settle = (changes: Partial<Results>) =>
      setAnswer((current) =>
        current?.input === input && current.outcome.status === 'ready'
          ? { input, outcome: { ...current.outcome, ...changes } }
          : current,
      );
    settle({ isLoadingMore: true, hasMoreFailed: false });
    try {
      const next = await searchDirectory(input, showing.endCursor);
      if (next.userErrors.length > 0) throw new Error(next.userErrors[0]?.message);
      settle({
        listings: [...showing.listings, ...next.listings],
        endCursor: next.endCursor,
        hasNextPage: next.hasNextPage,
        isLoadingMore: false,
      });
      return next.listings[0] ?? null;
    } catch {
      settle({ isLoadingMore: false, hasMoreFailed: true });
      return null;
    }
  }

  return { state, loadMore };
}
