import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { policyApiRef } from '../api';

/** Exceptions waiting for a security approver, newest first. */
export function usePendingExceptions() {
  const api = useApi(policyApiRef);
  return useAsyncRetry(() => api.listExceptions({ status: 'pending' }), [api]);
}
