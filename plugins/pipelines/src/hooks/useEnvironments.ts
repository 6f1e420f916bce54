import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelinesApiRef } from '../api';
import { orderEnvironments } from '../environments';

/** Enough history to see the last few promotions and any rollback. */
export const HISTORY_LIMIT = 10;

/** The entity's environments in promotion order, each with its history. */
export function useEnvironments(entityRef: string) {
  const api = useApi(pipelinesApiRef);
  return useAsyncRetry(
    async () =>
      orderEnvironments(
        await api.listEnvironments(entityRef, { historyLimit: HISTORY_LIMIT }),
      ),
    [api, entityRef],
  );
}
