import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelinesApiRef } from '../api';

/** Enough to hold what waits for approval and the last few decisions. */
export const DEPLOY_REQUESTS_LIMIT = 50;

/** The entity's deploy requests, newest first. */
export function useDeployRequests(entityRef: string) {
  const api = useApi(pipelinesApiRef);
  return useAsyncRetry(
    () => api.listDeployRequests({ entityRef, limit: DEPLOY_REQUESTS_LIMIT }),
    [api, entityRef],
  );
}
