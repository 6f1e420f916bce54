import { useOwnershipRefs } from '@finops/ui';

/**
 * The groups the signed-in user belongs to, in their identity's order;
 * undefined while asking. A guest, or an identity that cannot be read,
 * has none.
 */
export function useSignedInGroups(): string[] | undefined {
  return useOwnershipRefs()?.filter(ref =>
    ref.toLocaleLowerCase('en-US').startsWith('group:'),
  );
}
