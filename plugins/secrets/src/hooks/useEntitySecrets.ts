import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { secretsApiRef } from '../api';

/** The entity's secrets metadata, bindings and Vault links. */
export function useEntitySecrets(entityRef: string) {
  const api = useApi(secretsApiRef);
  return useAsyncRetry(() => api.getEntitySecrets(entityRef), [api, entityRef]);
}
