import type { FilterPredicate } from '@backstage/filter-predicates';
import {
  ANNOTATION_VAULT_SECRETS_PATH,
  ANNOTATION_VAULT_SECRETS_PATHS,
} from '@finops/plugin-secrets-common';

/**
 * Entities with secrets of their own: services and websites, which the
 * golden paths provision secrets for, and anything that names its Vault
 * paths. A filter predicate, so that app config can still override it.
 */
export const hasSecrets: FilterPredicate = {
  $any: [
    { kind: 'component', 'spec.type': { $in: ['service', 'website'] } },
    {
      [`metadata.annotations.${ANNOTATION_VAULT_SECRETS_PATH}`]: {
        $exists: true,
      },
    },
    {
      [`metadata.annotations.${ANNOTATION_VAULT_SECRETS_PATHS}`]: {
        $exists: true,
      },
    },
  ],
};
