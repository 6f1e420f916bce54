import type { SecretMetadata } from '@finops/plugin-secrets-common';

/** What the rotate route needs to name a secret. */
export interface RotationTarget {
  environment: string;
  /** The secret's name below `<basePath>/<environment>/`. */
  secret: string;
}

// The rotate route's patterns for its environment and secret.
const ENVIRONMENT = /^[a-z][a-z0-9-]{0,31}$/;
const SECRET = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * Whether the platform can rotate a secret and as what, or why not. It
 * rotates only what it provisioned: secrets at
 * `<basePath>/<environment>/<name>` (whose metadata name is
 * `<environment>/<name>`) holding keys it generated; supplied values are
 * rotated in Vault by their owners.
 */
export function rotationOf(
  secret: SecretMetadata,
  basePath: string | null,
): { target: RotationTarget } | { reason: string } {
  if (!secret.managed) {
    return { reason: 'Not provisioned by the platform' };
  }
  if (secret.generatedKeys.length === 0) {
    return { reason: 'Supplied values only: rotate them in Vault' };
  }
  const [environment, name, ...deeper] = secret.name.split('/');
  if (
    !basePath ||
    secret.path !== `${basePath}/${secret.name}` ||
    deeper.length > 0 ||
    !name ||
    !ENVIRONMENT.test(environment) ||
    !SECRET.test(name)
  ) {
    return { reason: 'Outside the folders the platform provisions' };
  }
  return { target: { environment, secret: name } };
}
