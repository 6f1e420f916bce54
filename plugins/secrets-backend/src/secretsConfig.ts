import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How secrets are provisioned and rotated (`secrets.provisioning`, `secrets.rotation`). */
export interface SecretsSettings {
  /** The environments offered when provisioning. */
  environments: string[];
  /** The AppRole mount provisioned roles are written to. */
  approleMount: string;
  /** The Kubernetes auth mount provisioned roles are written to. */
  kubernetesMount: string;
  tokenTtlSeconds: number;
  tokenMaxTtlSeconds: number;
  secretIdTtlSeconds: number;
  /** How long a one-time wrapping token may be unwrapped. */
  wrapTtlSeconds: number;
  /** A secret older than this is overdue for rotation. */
  maxAgeDays: number;
  /** Versions Vault keeps of a provisioned secret (KV max_versions). */
  keepVersions: number;
}

const MOUNT = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const ENVIRONMENT = /^[a-z][a-z0-9-]{0,31}$/;

/** Reads the settings; throws at startup on nonsense. */
export function readSecretsSettings(config: Config): SecretsSettings {
  const provisioning = config.getOptionalConfig('secrets.provisioning');
  const rotation = config.getOptionalConfig('secrets.rotation');
  const mount = (key: string, fallback: string) => {
    const value = provisioning?.getOptionalString(key) ?? fallback;
    if (!MOUNT.test(value)) {
      throw new InputError(
        `secrets.provisioning.${key} "${value}" is not a Vault mount path`,
      );
    }
    return value;
  };
  const positive = (
    source: Config | undefined,
    prefix: string,
    key: string,
    fallback: number,
    max: number,
  ) => {
    const value = source?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new InputError(
        `${prefix}.${key} must be a whole number from 1 to ${max}, not ${value}`,
      );
    }
    return value;
  };
  const environments = provisioning?.getOptionalStringArray('environments') ?? [
    'development',
    'staging',
    'production',
  ];
  for (const environment of environments) {
    if (!ENVIRONMENT.test(environment)) {
      throw new InputError(
        `secrets.provisioning.environments: "${environment}" is not an environment name (a-z, 0-9, -)`,
      );
    }
  }
  const p = 'secrets.provisioning';
  return {
    environments,
    approleMount: mount('approleMount', 'approle'),
    kubernetesMount: mount('kubernetesMount', 'kubernetes'),
    tokenTtlSeconds: positive(
      provisioning,
      p,
      'tokenTtlSeconds',
      3600,
      86400 * 31,
    ),
    tokenMaxTtlSeconds: positive(
      provisioning,
      p,
      'tokenMaxTtlSeconds',
      14400,
      86400 * 31,
    ),
    secretIdTtlSeconds: positive(
      provisioning,
      p,
      'secretIdTtlSeconds',
      86400,
      86400 * 365,
    ),
    wrapTtlSeconds: positive(provisioning, p, 'wrapTtlSeconds', 300, 86400),
    maxAgeDays: positive(rotation, 'secrets.rotation', 'maxAgeDays', 90, 3650),
    keepVersions: positive(
      rotation,
      'secrets.rotation',
      'keepVersions',
      5,
      100,
    ),
  };
}
