import { useApi } from '@backstage/frontend-plugin-api';
import { type Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { policyApiRef } from '../api';

/** The entity's current violations and exceptions; `retry` reloads them. */
export function useEntityCompliance(entity: Entity) {
  const api = useApi(policyApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return useAsyncRetry(
    () => api.getEntityCompliance({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
