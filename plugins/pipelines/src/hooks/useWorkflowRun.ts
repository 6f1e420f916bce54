import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pipelinesApiRef } from '../api';

/** One run with its jobs, steps and artifacts; nothing while `runId` is unset. */
export function useWorkflowRun(runId: string | undefined) {
  const api = useApi(pipelinesApiRef);
  return useAsyncRetry(
    async () => (runId ? api.getRun(runId) : undefined),
    [api, runId],
  );
}
