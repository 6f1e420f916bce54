import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { policyApiRef } from '../api';

/** The whole catalog's compliance, with a trend over the last `days`. */
export function usePosture(days: number) {
  const api = useApi(policyApiRef);
  return useAsyncRetry(() => api.getPosture({ days }), [api, days]);
}
