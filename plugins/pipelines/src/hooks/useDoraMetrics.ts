import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelinesApiRef, type DoraScope } from '../api';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * DORA metrics of `scope` over the last `days`, up to now. Nothing is asked
 * while `scope` is undefined (e.g. before anything is picked).
 */
export function useDoraMetrics(scope: DoraScope | undefined, days: number) {
  const api = useApi(pipelinesApiRef);
  // A stable dependency for an object the caller may rebuild every render.
  const scopeKey = scope ? JSON.stringify(scope) : undefined;
  return useAsyncRetry(async () => {
    if (!scopeKey) {
      return undefined;
    }
    const to = new Date();
    const from = new Date(to.getTime() - days * DAY_MS);
    return api.getDoraMetrics({
      ...(JSON.parse(scopeKey) as DoraScope),
      from: from.toISOString(),
      to: to.toISOString(),
    });
  }, [api, scopeKey, days]);
}
