import { ServiceUnavailableError } from '@backstage/errors';
import {
  SecretsStatus,
  VaultInstanceStatus,
} from './schema/openapi/generated/models';
import { VaultClient } from './vault/VaultClient';
import { VaultInstances } from './vault/VaultInstances';
import { VaultHealth } from './vault/vaultTypes';

export const VAULT_NOT_CONFIGURED_HELP =
  'Configure secrets.vault.instances in the app-config: a name, the baseUrl of Vault or OpenBao, and auth (token, approle or kubernetes). See the README of @finops/plugin-secrets-backend.';

/**
 * Whether Vault is configured and how each instance answers sys/health,
 * asked in parallel; an instance that does not answer is reported as such
 * rather than failing the whole report.
 */
export async function readSecretsStatus(
  instances: VaultInstances,
): Promise<SecretsStatus> {
  if (!instances.configured) {
    return {
      configured: false,
      instances: [],
      help: VAULT_NOT_CONFIGURED_HELP,
    };
  }
  return {
    configured: true,
    instances: await Promise.all(
      instances
        .list()
        .map(client =>
          instanceStatus(client, client.name === instances.defaultName),
        ),
    ),
  };
}

async function instanceStatus(
  client: VaultClient,
  isDefault: boolean,
): Promise<VaultInstanceStatus> {
  const about = {
    name: client.name,
    default: isDefault,
    ...(client.uiUrl ? { uiUrl: client.uiUrl } : {}),
  };
  try {
    const health = await client.health();
    return {
      ...about,
      reachable: true,
      initialized: health.initialized,
      sealed: health.sealed,
      version: health.version ?? null,
      message: describeHealth(client.name, health),
    };
  } catch (error) {
    return {
      ...about,
      reachable: false,
      initialized: null,
      sealed: null,
      version: null,
      // The client's messages name the instance and the path only.
      message:
        error instanceof ServiceUnavailableError
          ? error.message
          : `Vault ${client.name} answered sys/health unexpectedly`,
    };
  }
}

function describeHealth(name: string, health: VaultHealth): string {
  if (!health.initialized) {
    return `Vault ${name} is not initialised: initialise and unseal it before secrets can be provisioned`;
  }
  if (health.sealed) {
    return `Vault ${name} is sealed: unseal it before secrets can be provisioned`;
  }
  if (health.performanceStandby) {
    return `Vault ${name} answers as a performance standby`;
  }
  if (health.standby) {
    return `Vault ${name} answers as a standby; requests are forwarded to the active node`;
  }
  return `Vault ${name} is active`;
}
