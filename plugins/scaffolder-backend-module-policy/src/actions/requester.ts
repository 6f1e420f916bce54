import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
  UserEntity,
} from '@backstage/catalog-model';

/** The task's user as `finops.scaffolder` sees them (`input.user`). */
export interface Requester {
  ref: string | null;
  groups: string[];
}

/**
 * The groups the user who runs a template belongs to, as full group refs
 * (`group:default/payments-team`). The catalog's `memberOf` relations are
 * already resolved refs; `spec.memberOf` is read as well, resolved in the
 * user's namespace, so a user entity the catalog has not processed yet still
 * counts its groups. Without a user entity there are no groups: the owner
 * check then refuses, which is the safe answer.
 */
export function requesterOf(user?: {
  entity?: UserEntity;
  ref?: string;
}): Requester {
  const entity = user?.entity;
  const namespace = entity?.metadata.namespace ?? DEFAULT_NAMESPACE;
  const refs = [
    ...(entity?.relations ?? [])
      .filter(relation => relation.type === RELATION_MEMBER_OF)
      .map(relation => relation.targetRef),
    ...(entity?.spec?.memberOf ?? []),
  ];
  const groups = new Set<string>();
  for (const ref of refs) {
    const group = groupRef(ref, namespace);
    if (group) groups.add(group);
  }
  return { ref: user?.ref ?? null, groups: [...groups].sort() };
}

function groupRef(ref: string, namespace: string): string | undefined {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    });
    // Entity refs compare case-insensitively; lower case keeps the set unique.
    const full = stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
    return full.startsWith('group:') ? full : undefined;
  } catch {
    // A malformed ref names no group.
    return undefined;
  }
}
