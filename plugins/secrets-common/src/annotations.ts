import { Entity } from '@backstage/catalog-model';

/** One path under the KV mount, as the community Vault plugin reads it. */
export const ANNOTATION_VAULT_SECRETS_PATH = 'vault.io/secrets-path';

/**
 * Several paths under the KV mount, separated by commas or new lines; the
 * first is where the platform provisions.
 */
export const ANNOTATION_VAULT_SECRETS_PATHS = 'finops.io/vault-secrets-paths';

/** The configured Vault instance the entity's secrets live in. */
export const ANNOTATION_VAULT_INSTANCE = 'finops.io/vault-instance';

const PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Whether a path is one the platform reads: segments, no `..`, no globs. */
export function isSecretsPath(path: string): boolean {
  return PATH.test(path) && !path.split('/').some(s => s === '.' || s === '..');
}

/**
 * Where an entity's secrets live under the KV mount: the paths of
 * `finops.io/vault-secrets-paths`, then `vault.io/secrets-path`, without
 * duplicates or surrounding slashes; `services/<namespace>/<name>` when
 * the entity names none. The first is where the platform provisions.
 * Throws on a path that is not a plain relative path.
 */
export function entitySecretsPaths(entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  const declared = [
    ...(annotations[ANNOTATION_VAULT_SECRETS_PATHS] ?? '').split(/[,\n]/),
    annotations[ANNOTATION_VAULT_SECRETS_PATH] ?? '',
  ]
    .map(p => p.trim().replace(/^\/+|\/+$/g, ''))
    .filter(p => p !== '');
  for (const path of declared) {
    if (!isSecretsPath(path)) {
      throw new TypeError(
        `The secrets path "${path}" of ${entity.metadata.name} is not a plain path under the KV mount`,
      );
    }
  }
  if (declared.length > 0) return [...new Set(declared)];
  const namespace = (entity.metadata.namespace ?? 'default').toLowerCase();
  return [`services/${namespace}/${entity.metadata.name.toLowerCase()}`];
}

/** The entity's Vault instance, when it names one. */
export function entityVaultInstance(entity: Entity): string | undefined {
  const name = entity.metadata.annotations?.[ANNOTATION_VAULT_INSTANCE];
  return name?.trim() || undefined;
}
