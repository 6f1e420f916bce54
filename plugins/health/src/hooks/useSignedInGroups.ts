import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The groups the signed-in user belongs to, as the sign-in resolver put
 * them in their identity (`ownershipEntityRefs`), in its order; undefined
 * while asking. A guest, or an identity that cannot be read, has none.
 */
export function useSignedInGroups(): string[] | undefined {
  const identityApi = useApi(identityApiRef);
  const { value, loading } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  if (loading) {
    return undefined;
  }
  return (value?.ownershipEntityRefs ?? []).filter(ref =>
    ref.toLocaleLowerCase('en-US').startsWith('group:'),
  );
}
