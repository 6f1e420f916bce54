import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The refs the signed-in user owns through (themselves and their groups),
 * lower-cased as the catalog compares them; undefined until known.
 */
export function useOwnershipRefs(): ReadonlySet<string> | undefined {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    return new Set(
      ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }, [identityApi]);
  return value;
}
