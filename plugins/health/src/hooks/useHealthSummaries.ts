import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { healthApiRef } from '../api';
import type { CatalogScope as HealthScope } from '@finops/ui';

/**
 * The health of every component of `scope`; nothing is asked while it is
 * undefined (before anything is picked).
 */
export function useHealthSummaries(scope: HealthScope | undefined) {
  const api = useApi(healthApiRef);
  const kind = scope?.kind;
  const ref = scope?.ref;
  return useAsyncRetry(async () => {
    if (!kind || !ref) {
      return undefined;
    }
    return api.listSummaries(
      kind === 'owner' ? { owner: ref } : { system: ref },
    );
  }, [api, kind, ref]);
}
