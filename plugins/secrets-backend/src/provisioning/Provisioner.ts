import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  SecretChange,
  WorkloadAuth,
  WrappedValues,
} from '@finops/plugin-secrets-common';
import { VaultClient } from '../vault/VaultClient';
import { KvMetadata } from '../vault/vaultTypes';
import { SecretsSettings } from '../secretsConfig';
import { generateValue } from './generateValue';
import { folderPolicy, ServiceVaultObjects } from './vaultObjects';

/** Custom metadata the platform writes on the secrets it provisions. */
export const METADATA_ENTITY = 'finops-entity';
/** `key:length,...` of the values the platform generated and rotates. */
export const METADATA_GENERATED = 'finops-generated-keys';

export const DEFAULT_LENGTH = 32;

/** One key to provision: a supplied value, or a length to generate. */
export interface KeyToProvision {
  key: string;
  value?: string;
  length?: number;
}

export interface ProvisionTarget {
  client: VaultClient;
  entityRef: string;
  objects: ServiceVaultObjects;
}

export interface ProvisionWork {
  secrets: Array<{ name: string; keys: KeyToProvision[] }>;
  auth: WorkloadAuth;
}

export interface ProvisionResult {
  changes: SecretChange[];
  wrapped: WrappedValues | null;
}

interface Step {
  change: SecretChange;
  apply?: () => Promise<void>;
}

/**
 * Provisions one environment of a service in Vault: its secrets, a read
 * policy for the workload and a write policy for the pipeline (each
 * limited to the service's folder), the workload's AppRole or Kubernetes
 * role and the pipeline's AppRole. It first reads what exists and plans
 * a change per object, so a dry run is the plan and a second run finds
 * everything unchanged: an existing secret keeps its values; a policy or
 * role is rewritten only when it differs.
 */
export class Provisioner {
  readonly #settings: SecretsSettings;
  readonly #now: () => number;

  constructor(settings: SecretsSettings, now: () => number = Date.now) {
    this.#settings = settings;
    this.#now = now;
  }

  async provision(
    target: ProvisionTarget,
    work: ProvisionWork,
    options: { dryRun: boolean; wrap: boolean },
  ): Promise<ProvisionResult> {
    const generated: Record<string, string> = {};
    const steps: Step[] = [];
    for (const secret of work.secrets) {
      steps.push(await this.#secretStep(target, secret, generated));
    }
    steps.push(...(await this.#policySteps(target)));
    steps.push(...(await this.#roleSteps(target, work.auth)));

    if (!options.dryRun) {
      for (const planned of steps) await planned.apply?.();
    }
    const wrapped =
      options.wrap && !options.dryRun && Object.keys(generated).length > 0
        ? await this.#wrap(target.client, generated)
        : null;
    return { changes: steps.map(s => s.change), wrapped };
  }

  /**
   * A new version of a provisioned secret: new values for the keys the
   * platform generated, the others kept. Written with check-and-set on the
   * version read, so two rotations at once cannot both land (409).
   */
  async rotate(
    target: ProvisionTarget,
    secret: string,
    options: { wrap: boolean },
  ): Promise<ProvisionResult> {
    const { client, objects } = target;
    const path = `${objects.folder}/${secret}`;
    const metadata = await client.readMetadata(path);
    if (!metadata || metadata.currentVersion === 0) {
      throw new NotFoundError(`No secret ${path} in Vault ${client.name}`);
    }
    const generatedKeys = parseGenerated(metadata);
    if (generatedKeys.size === 0) {
      throw new ConflictError(
        `${path} holds no value the platform generated; rotate supplied values in Vault`,
      );
    }
    const current = await client.readVersionForInternalCheck(
      path,
      metadata.currentVersion,
    );
    if (!current) {
      throw new ConflictError(
        `The current version of ${path} is deleted or destroyed; restore it in Vault before rotating`,
      );
    }
    const data: Record<string, string> = {};
    const fresh: Record<string, string> = {};
    for (const key of current.values.keys()) {
      const length = generatedKeys.get(key);
      if (length) {
        data[key] = generateValue(length);
        fresh[`${secret}.${key}`] = data[key];
      } else {
        data[key] = current.values.reveal(key) ?? '';
      }
    }
    const written = await client.write(path, data, {
      cas: metadata.currentVersion,
    });
    await client.writeMetadata(path, {
      maxVersions: this.#settings.keepVersions,
      customMetadata: metadata.customMetadata,
    });
    return {
      changes: [
        {
          kind: 'secret',
          name: path,
          action: 'rotate',
          detail: `version ${written.version}: new ${[...generatedKeys.keys()]
            .sort()
            .join(', ')}; ${this.#settings.keepVersions} versions kept`,
        },
      ],
      wrapped: options.wrap ? await this.#wrap(client, fresh) : null,
    };
  }

  async #secretStep(
    target: ProvisionTarget,
    secret: { name: string; keys: KeyToProvision[] },
    generated: Record<string, string>,
  ): Promise<Step> {
    const { client, objects, entityRef } = target;
    const path = `${objects.folder}/${secret.name}`;
    const existing = await client.readMetadata(path);
    if (existing && existing.currentVersion > 0) {
      return {
        change: {
          kind: 'secret',
          name: path,
          action: 'unchanged',
          detail: `exists at version ${existing.currentVersion}; its values are kept`,
        },
      };
    }
    const data: Record<string, string> = {};
    const lengths: string[] = [];
    for (const key of secret.keys) {
      if (key.value !== undefined) {
        data[key.key] = key.value;
      } else {
        const length = key.length ?? DEFAULT_LENGTH;
        data[key.key] = generateValue(length);
        generated[`${secret.name}.${key.key}`] = data[key.key];
        lengths.push(`${key.key}:${length}`);
      }
    }
    const customMetadata = {
      [METADATA_ENTITY]: entityRef,
      ...(lengths.length > 0 && { [METADATA_GENERATED]: lengths.join(',') }),
    };
    return {
      change: {
        kind: 'secret',
        name: path,
        action: 'create',
        detail: `keys ${secret.keys.map(k => k.key).join(', ')}`,
      },
      apply: async () => {
        await client.write(path, data, { cas: existing?.currentVersion ?? 0 });
        await client.writeMetadata(path, {
          maxVersions: this.#settings.keepVersions,
          customMetadata,
        });
      },
    };
  }

  async #policySteps(target: ProvisionTarget): Promise<Step[]> {
    const { client, objects, entityRef } = target;
    const wanted = [
      { name: objects.readPolicy, access: 'read' as const },
      { name: objects.writePolicy, access: 'write' as const },
    ];
    return Promise.all(
      wanted.map(async ({ name, access }) => {
        const hcl = folderPolicy({
          kvMount: client.kvMount,
          folder: objects.folder,
          access,
          entityRef,
        });
        const existing = await client.readPolicy(name);
        return step(
          { kind: 'policy', name },
          policyAction(existing?.policy, hcl),
          `${access} ${objects.folder}/*`,
          () => client.writePolicy(name, hcl),
        );
      }),
    );
  }

  async #roleSteps(
    target: ProvisionTarget,
    auth: WorkloadAuth,
  ): Promise<Step[]> {
    const { client, objects } = target;
    const s = this.#settings;
    const appRole = (policy: string) => ({
      token_policies: [policy],
      token_ttl: s.tokenTtlSeconds,
      token_max_ttl: s.tokenMaxTtlSeconds,
      secret_id_ttl: s.secretIdTtlSeconds,
    });
    const steps: Promise<Step>[] = [];
    if (auth.method === 'kubernetes') {
      const wanted = {
        bound_service_account_names: [...(auth.serviceAccounts ?? [])].sort(),
        bound_service_account_namespaces: [...(auth.namespaces ?? [])].sort(),
        token_policies: [objects.readPolicy],
        token_ttl: s.tokenTtlSeconds,
      };
      steps.push(
        client
          .readKubernetesRole(s.kubernetesMount, objects.workloadRole)
          .then(existing =>
            step(
              { kind: 'kubernetes', name: objects.workloadRole },
              compare(existing, wanted),
              `service accounts ${wanted.bound_service_account_names.join(
                ', ',
              )} in ${wanted.bound_service_account_namespaces.join(', ')}`,
              () =>
                client.writeKubernetesRole(
                  s.kubernetesMount,
                  objects.workloadRole,
                  wanted,
                ),
            ),
          ),
      );
    } else {
      steps.push(
        this.#appRoleStep(
          client,
          objects.workloadRole,
          appRole(objects.readPolicy),
        ),
      );
    }
    steps.push(
      this.#appRoleStep(
        client,
        objects.pipelineRole,
        appRole(objects.writePolicy),
      ),
    );
    return Promise.all(steps);
  }

  async #appRoleStep(
    client: VaultClient,
    role: string,
    wanted: {
      token_policies: string[];
      token_ttl: number;
      token_max_ttl: number;
      secret_id_ttl: number;
    },
  ): Promise<Step> {
    const mount = this.#settings.approleMount;
    const existing = await client.readAppRole(mount, role);
    return step(
      { kind: 'approle', name: role },
      compare(existing, wanted),
      `policies ${wanted.token_policies.join(', ')}`,
      () => client.writeAppRole(mount, role, wanted),
    );
  }

  async #wrap(
    client: VaultClient,
    values: Record<string, string>,
  ): Promise<WrappedValues> {
    const info = await client.wrap(values, this.#settings.wrapTtlSeconds);
    const created = Date.parse(info.creationTime);
    return {
      token: info.token,
      ttlSeconds: info.ttl,
      expiresAt: new Date(
        (Number.isNaN(created) ? this.#now() : created) + info.ttl * 1000,
      ).toISOString(),
    };
  }
}

function step(
  what: Pick<SecretChange, 'kind' | 'name'>,
  action: 'create' | 'update' | 'unchanged',
  detail: string,
  write: () => Promise<void>,
): Step {
  return {
    change: { ...what, action, detail },
    ...(action !== 'unchanged' && { apply: write }),
  };
}

function policyAction(
  held: string | undefined,
  wanted: string,
): 'create' | 'update' | 'unchanged' {
  if (held === undefined) return 'create';
  return held === wanted ? 'unchanged' : 'update';
}

/** Whether what Vault holds has every field as wanted (lists unordered). */
function compare(
  existing: object | undefined,
  wanted: Record<string, unknown>,
): 'create' | 'update' | 'unchanged' {
  if (!existing) return 'create';
  const held = existing as Record<string, unknown>;
  const same = Object.entries(wanted).every(([key, value]) =>
    Array.isArray(value)
      ? Array.isArray(held[key]) &&
        [...(held[key] as unknown[])].sort().join('\0') ===
          [...value].sort().join('\0')
      : held[key] === value,
  );
  return same ? 'unchanged' : 'update';
}

/** The generated keys and their lengths, from the secret's metadata. */
export function parseGenerated(metadata: KvMetadata): Map<string, number> {
  const keys = new Map<string, number>();
  for (const entry of (metadata.customMetadata[METADATA_GENERATED] ?? '').split(
    ',',
  )) {
    const [key, length] = entry.split(':');
    const n = Number(length);
    if (key && Number.isInteger(n) && n > 0) keys.set(key, n);
  }
  return keys;
}
