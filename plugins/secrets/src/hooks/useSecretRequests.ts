import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { secretsApiRef } from '../api';

/** The entity's provisioning and rotation requests, newest first. */
export function useSecretRequests(entityRef: string) {
  const api = useApi(secretsApiRef);
  return useAsyncRetry(() => api.listRequests(entityRef), [api, entityRef]);
}
