import { useOwnershipRefs as useIdentityOwnershipRefs } from '@finops/ui';
import { useMemo } from 'react';

/**
 * The refs the signed-in user owns through (themselves and their groups),
 * lower-cased as the catalog compares them; undefined until known.
 */
export function useOwnershipRefs(): ReadonlySet<string> | undefined {
  const refs = useIdentityOwnershipRefs();
  return useMemo(
    () => refs && new Set(refs.map(ref => ref.toLocaleLowerCase('en-US'))),
    [refs],
  );
}
