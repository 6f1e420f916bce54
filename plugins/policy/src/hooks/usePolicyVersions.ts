import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { policyApiRef } from '../api';

/** Every policy revision the portal has decided with, newest first. */
export function usePolicyVersions() {
  const api = useApi(policyApiRef);
  return useAsyncRetry(() => api.listVersions(), [api]);
}
