import { CompoundEntityRef } from '@backstage/catalog-model';
import { isError, ServiceUnavailableError } from '@backstage/errors';
import {
  SecretBinding,
  SecretMetadata,
  SecretPath,
} from '@finops/plugin-secrets-common';
import { METADATA_ENTITY, parseGenerated } from '../provisioning/Provisioner';
import { serviceVaultObjects } from '../provisioning/vaultObjects';
import { SecretsSettings } from '../secretsConfig';
import { VaultClient } from '../vault/VaultClient';
import { KvMetadata } from '../vault/vaultTypes';

const DAY_MS = 86_400_000;
/** How deep below an annotated path secrets are looked for. */
const MAX_DEPTH = 3;
/** How many secrets one path reports at most. */
const MAX_SECRETS = 200;

/**
 * The secrets under each of an entity's paths: names, versions, times and
 * rotation age, read from KV metadata only (never a value). A path Vault
 * refuses to list says why instead of failing the others; Vault not
 * answering fails the whole read (503).
 */
export async function readSecretPaths(
  client: VaultClient,
  paths: string[],
  settings: SecretsSettings,
  now: number,
): Promise<SecretPath[]> {
  return Promise.all(
    paths.map(async path => {
      try {
        const found = await listSecrets(client, path);
        const secrets = await Promise.all(
          found.map(async name => {
            const metadata = await client.readMetadata(`${path}/${name}`);
            return metadata
              ? describe(client, path, name, metadata, settings, now)
              : undefined;
          }),
        );
        return {
          path,
          secrets: secrets.filter((s): s is SecretMetadata => !!s),
          problem: null,
        };
      } catch (error) {
        if (!isError(error) || error instanceof ServiceUnavailableError) {
          throw error;
        }
        return { path, secrets: [], problem: error.message };
      }
    }),
  );
}

/** The secret names (relative paths) below `path`, breadth first. */
async function listSecrets(
  client: VaultClient,
  path: string,
): Promise<string[]> {
  const names: string[] = [];
  let folders = [''];
  for (let depth = 0; depth < MAX_DEPTH && folders.length > 0; depth++) {
    const next: string[] = [];
    const listed = await Promise.all(
      folders.map(async folder => ({
        folder,
        keys: await client.listKeys(`${path}/${folder}`),
      })),
    );
    for (const { folder, keys } of listed) {
      for (const key of keys) {
        if (key.endsWith('/')) next.push(`${folder}${key}`);
        else if (names.length < MAX_SECRETS) names.push(`${folder}${key}`);
      }
    }
    folders = next;
  }
  return names.sort();
}

function describe(
  client: VaultClient,
  basePath: string,
  name: string,
  metadata: KvMetadata,
  settings: SecretsSettings,
  now: number,
): SecretMetadata {
  const current = metadata.versions.find(
    v => v.version === metadata.currentVersion,
  );
  // A version is written for every change of values, so the current
  // version's creation is when the values last changed.
  const rotatedTime = current?.createdTime ?? metadata.updatedTime;
  const ageDays = Math.max(0, (now - Date.parse(rotatedTime)) / DAY_MS);
  const path = `${basePath}/${name}`;
  return {
    path,
    name,
    currentVersion: metadata.currentVersion,
    versions: metadata.versions.map(v => ({
      version: v.version,
      createdTime: v.createdTime,
      deletionTime: v.deletionTime ?? null,
      destroyed: v.destroyed,
    })),
    createdTime: metadata.createdTime,
    updatedTime: metadata.updatedTime,
    rotatedTime,
    ageDays: Math.round(ageDays * 10) / 10,
    overdue: ageDays > settings.maxAgeDays,
    generatedKeys: [...parseGenerated(metadata).keys()].sort(),
    managed: METADATA_ENTITY in metadata.customMetadata,
    uiUrl: vaultUiUrl(
      client,
      `secrets/${client.kvMount}/kv/${encodeURIComponent(path)}`,
    ),
  };
}

/**
 * The policies and roles the platform provisions for each environment,
 * and whether they exist (read in parallel; a role that is neither an
 * AppRole nor a Kubernetes role is reported as an absent AppRole).
 */
export async function readBindings(
  client: VaultClient,
  entity: CompoundEntityRef,
  basePath: string,
  settings: SecretsSettings,
): Promise<SecretBinding[]> {
  const perEnvironment = await Promise.all(
    settings.environments.map(async environment => {
      const objects = serviceVaultObjects(entity, basePath, environment);
      const [read, write, workloadAppRole, workloadK8s, pipeline] =
        await Promise.all([
          client.readPolicy(objects.readPolicy),
          client.readPolicy(objects.writePolicy),
          client.readAppRole(settings.approleMount, objects.workloadRole),
          client.readKubernetesRole(
            settings.kubernetesMount,
            objects.workloadRole,
          ),
          client.readAppRole(settings.approleMount, objects.pipelineRole),
        ]);
      const policy = (
        name: string,
        purpose: SecretBinding['purpose'],
        exists: boolean,
      ): SecretBinding => ({
        kind: 'policy',
        name,
        environment,
        purpose,
        exists,
        mount: null,
        policies: [],
        uiUrl: exists ? vaultUiUrl(client, `policy/acl/${name}`) : null,
      });
      const role = (
        kind: 'approle' | 'kubernetes',
        name: string,
        purpose: SecretBinding['purpose'],
        found: { token_policies: string[] } | undefined,
      ): SecretBinding => {
        const mount =
          kind === 'approle' ? settings.approleMount : settings.kubernetesMount;
        return {
          kind,
          name,
          environment,
          purpose,
          exists: !!found,
          mount,
          policies: found?.token_policies ?? [],
          uiUrl: found
            ? vaultUiUrl(client, `access/${mount}/item/role/${name}`)
            : null,
        };
      };
      return [
        policy(objects.readPolicy, 'workload', !!read),
        policy(objects.writePolicy, 'pipeline', !!write),
        workloadK8s && !workloadAppRole
          ? role('kubernetes', objects.workloadRole, 'workload', workloadK8s)
          : role('approle', objects.workloadRole, 'workload', workloadAppRole),
        role('approle', objects.pipelineRole, 'pipeline', pipeline),
      ];
    }),
  );
  return perEnvironment.flat();
}

/** A page of the Vault UI, in the instance's namespace; null without a UI. */
function vaultUiUrl(client: VaultClient, page: string): string | null {
  if (!client.uiUrl) return null;
  const base = client.uiUrl.replace(/\/+$/, '');
  const namespace = client.namespace
    ? `?namespace=${encodeURIComponent(client.namespace)}`
    : '';
  return `${base}/ui/vault/${page}${namespace}`;
}
