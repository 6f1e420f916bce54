import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { DecisionLogPage } from '@finops/plugin-policy-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { type DecisionLogQuery, policyApiRef } from '../api';

/** Enough rows to fill a screen without making the first answer slow. */
export const DECISION_LOG_PAGE_SIZE = 50;

export type DecisionLogFilters = Omit<DecisionLogQuery, 'before' | 'limit'>;

/**
 * The decision log for `filters`, one page at a time: `loadMore` appends
 * the next (older) page. Pass a new `filters` object to search again.
 */
export function useDecisionLog(filters: DecisionLogFilters) {
  const api = useApi(policyApiRef);
  const [olderPages, setOlderPages] = useState<DecisionLogPage[]>([]);

  useEffect(() => setOlderPages([]), [filters]);

  const firstPage = useAsync(
    () => api.listDecisions({ ...filters, limit: DECISION_LOG_PAGE_SIZE }),
    [api, filters],
  );

  const lastPage = olderPages.at(-1) ?? firstPage.value;
  const nextCursor = lastPage?.nextCursor;

  const [more, loadMore] = useAsyncFn(async () => {
    if (!nextCursor) {
      return;
    }
    const page = await api.listDecisions({
      ...filters,
      before: nextCursor,
      limit: DECISION_LOG_PAGE_SIZE,
    });
    setOlderPages(pages => [...pages, page]);
  }, [api, filters, nextCursor]);

  const items = [firstPage.value, ...olderPages].flatMap(
    page => page?.items ?? [],
  );

  return {
    items,
    loading: firstPage.loading,
    error: firstPage.error,
    hasMore: Boolean(nextCursor),
    loadingMore: more.loading,
    loadMoreError: more.error,
    loadMore,
  };
}
