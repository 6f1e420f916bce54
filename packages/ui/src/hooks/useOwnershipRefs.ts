import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The refs the signed-in user owns through, as the sign-in resolver put
 * them in their identity (`ownershipEntityRefs`: themselves and their
 * groups), in its order; undefined while asking, none when the identity
 * cannot be read.
 */
export function useOwnershipRefs(): string[] | undefined {
  const identityApi = useApi(identityApiRef);
  const { value, loading } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  if (loading) return undefined;
  return value?.ownershipEntityRefs ?? [];
}
