import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { VaultCallMetrics } from './VaultCallMetrics';
import { VaultClient } from './VaultClient';
import { readVaultConfig } from './vaultConfig';

/**
 * The configured Vault instances (`secrets.vault.instances`), one
 * {@link VaultClient} each. Without `secrets.vault` the portal still starts:
 * `configured` is false and asking for a client says how to configure one.
 */
export class VaultInstances {
  readonly #clients: Map<string, VaultClient>;
  readonly #defaultName: string | undefined;

  /** Throws at startup when `secrets.vault` is there but wrong. */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      clock?: () => number;
      maxRetries?: number;
      retryDelayMs?: number;
      metrics?: VaultCallMetrics;
    },
  ): VaultInstances {
    const vault = readVaultConfig(config);
    const clients = new Map<string, VaultClient>();
    for (const instance of vault?.instances ?? []) {
      clients.set(instance.name, VaultClient.create({ ...options, instance }));
    }
    return new VaultInstances(clients, vault?.defaultInstance);
  }

  private constructor(
    clients: Map<string, VaultClient>,
    defaultName: string | undefined,
  ) {
    this.#clients = clients;
    this.#defaultName = defaultName;
  }

  get configured(): boolean {
    return this.#clients.size > 0;
  }

  /** The instance used when none is named; undefined when not configured. */
  get defaultName(): string | undefined {
    return this.#defaultName;
  }

  /** The named instance, or the default one. */
  get(name?: string): VaultClient {
    if (!this.configured) {
      throw new ServiceUnavailableError(
        'Vault is not configured: add secrets.vault.instances to the app-config',
      );
    }
    const client = this.#clients.get(name ?? this.#defaultName!);
    if (!client) {
      throw new NotFoundError(
        `No Vault instance ${name}; configured: ${[
          ...this.#clients.keys(),
        ].join(', ')}`,
      );
    }
    return client;
  }

  /** Every instance, in configuration order. */
  list(): VaultClient[] {
    return [...this.#clients.values()];
  }
}
