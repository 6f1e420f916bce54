import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { policyApiRef } from '../api';

/** The policy now loaded, with every rule and its Rego. */
export function usePolicyRules() {
  const api = useApi(policyApiRef);
  return useAsyncRetry(() => api.getCurrentRules(), [api]);
}
