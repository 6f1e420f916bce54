import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { WorkflowRunPage } from '@finops/plugin-pipelines-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelinesApiRef, type RunQuery } from '../api';

/** A screenful of runs without making the first answer slow. */
export const RUNS_PAGE_SIZE = 25;

export type RunFilters = Omit<RunQuery, 'entityRef' | 'before' | 'limit'>;

/**
 * The entity's runs matching `filters`, one page at a time: `loadMore`
 * appends the next (older) page. Pass a new `filters` object to search again.
 */
export function useWorkflowRuns(entityRef: string, filters: RunFilters) {
  const api = useApi(pipelinesApiRef);
  const [olderPages, setOlderPages] = useState<WorkflowRunPage[]>([]);

  useEffect(() => setOlderPages([]), [entityRef, filters]);

  const firstPage = useAsyncRetry(
    () => api.listRuns({ ...filters, entityRef, limit: RUNS_PAGE_SIZE }),
    [api, entityRef, filters],
  );

  const lastPage = olderPages.at(-1) ?? firstPage.value;
  const nextCursor = lastPage?.nextCursor;

  const [more, loadMore] = useAsyncFn(async () => {
    if (!nextCursor) {
      return;
    }
    const page = await api.listRuns({
      ...filters,
      entityRef,
      before: nextCursor,
      limit: RUNS_PAGE_SIZE,
    });
    setOlderPages(pages => [...pages, page]);
  }, [api, entityRef, filters, nextCursor]);

  const items = [firstPage.value, ...olderPages].flatMap(
    page => page?.items ?? [],
  );

  return {
    items,
    loading: firstPage.loading,
    error: firstPage.error,
    retry: firstPage.retry,
    hasMore: Boolean(nextCursor),
    loadingMore: more.loading,
    loadMoreError: more.error,
    loadMore,
  };
}
