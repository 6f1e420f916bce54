import { LoggerService } from '@backstage/backend-plugin-api';
import type { z } from 'zod';
import { SecretValues } from './SecretValues';
import type { VaultCallMetrics } from './VaultCallMetrics';
import { VaultInstanceConfig } from './vaultConfig';
import { VaultConnection, VaultRequest } from './VaultConnection';
import { isPermissionDenied } from './vaultErrors';
import {
  authRole,
  kvPath,
  segment,
  versionNumbers,
  wrapTtl,
} from './vaultPaths';
import { VaultSession } from './VaultSession';
import {
  appRoleAnswer,
  healthAnswer,
  kubernetesRoleAnswer,
  kvListAnswer,
  kvMetadataAnswer,
  kvReadAnswer,
  kvWriteAnswer,
  parseAnswer,
  policyAnswer,
  roleIdAnswer,
  wrapAnswer,
} from './vaultShapes';
import {
  AclPolicy,
  AppRoleSettings,
  KubernetesRoleSettings,
  KvMetadata,
  KvMetadataSettings,
  KvVersionForCheck,
  KvWriteResult,
  VaultHealth,
  WrapInfo,
} from './vaultTypes';

export type {
  AclPolicy,
  AppRoleSettings,
  KubernetesRoleSettings,
  KvMetadata,
  KvMetadataSettings,
  KvVersionForCheck,
  KvVersionInfo,
  KvWriteResult,
  VaultHealth,
  WrapInfo,
} from './vaultTypes';

/** Statuses sys/health answers with a status body (200 aside). */
const HEALTH_STATUSES = [429, 472, 473, 501, 503];

/**
 * A small typed client for the parts of the Vault (and OpenBao) HTTP API
 * that secret provisioning needs, one per configured instance: KV version 2,
 * ACL policies, AppRole and Kubernetes auth roles, response wrapping and
 * health. It is written over fetch rather than a library because node-vault
 * is untyped and built on the deprecated `request` package.
 *
 * The portal's own token comes from {@link VaultSession}; a 403 with a
 * token that came from a login is answered by one new login and one retry.
 * Errors are Backstage errors whose messages name the instance, the method
 * and the path, never a value, a token or a request body (see
 * vaultErrors.ts). Nothing here returns a secret value except
 * {@link VaultClient.readVersionForInternalCheck}, which seals them.
 */
export class VaultClient {
  readonly #config: VaultInstanceConfig;
  readonly #connection: VaultConnection;
  readonly #session: VaultSession;

  static create(options: {
    instance: VaultInstanceConfig;
    logger: LoggerService;
    /** Epoch ms now; tests pass a clock they move. */
    clock?: () => number;
    maxRetries?: number;
    retryDelayMs?: number;
    /** Times every call (finops.vault.request.duration). */
    metrics?: VaultCallMetrics;
  }): VaultClient {
    const connection = VaultConnection.create(options);
    const session = VaultSession.create({ ...options, connection });
    return new VaultClient(options.instance, connection, session);
  }

  private constructor(
    config: VaultInstanceConfig,
    connection: VaultConnection,
    session: VaultSession,
  ) {
    this.#config = config;
    this.#connection = connection;
    this.#session = session;
  }

  get name(): string {
    return this.#config.name;
  }

  get namespace(): string | undefined {
    return this.#config.namespace;
  }

  get kvMount(): string {
    return this.#config.kvMount;
  }

  get uiUrl(): string | undefined {
    return this.#config.uiUrl;
  }

  /**
   * `sys/health` without a token. Standby, DR and performance standby,
   * uninitialised and sealed are answers, not errors; only a Vault that
   * does not answer (or answers nonsense) throws ServiceUnavailableError.
   */
  async health(): Promise<VaultHealth> {
    const request: VaultRequest = {
      method: 'GET',
      path: 'sys/health',
      idempotent: true,
      rootNamespace: true,
      answerStatuses: HEALTH_STATUSES,
    };
    const answer = await this.#connection.send(request, {
      secrets: this.#session.secrets,
    });
    const health = this.#parse(healthAnswer, answer?.body, request);
    return {
      initialized: health.initialized,
      sealed: health.sealed,
      standby: health.standby,
      performanceStandby: health.performance_standby ?? false,
      version: health.version,
    };
  }

  /** Everything about a secret but its values; undefined when absent. */
  async readMetadata(path: string): Promise<KvMetadata | undefined> {
    const request = this.#kv('GET', 'metadata', path, { absentOn404: true });
    const answer = await this.#call(request);
    if (!answer) return undefined;
    const { data } = this.#parse(kvMetadataAnswer, answer.body, request);
    return {
      currentVersion: data.current_version,
      oldestVersion: data.oldest_version,
      createdTime: data.created_time,
      updatedTime: data.updated_time,
      maxVersions: data.max_versions,
      casRequired: data.cas_required,
      customMetadata: data.custom_metadata ?? {},
      versions: Object.entries(data.versions)
        .map(([version, v]) => ({
          version: Number(version),
          createdTime: v.created_time,
          deletionTime: v.deletion_time || undefined,
          destroyed: v.destroyed,
        }))
        .sort((a, b) => a.version - b.version),
    };
  }

  /** The keys under `path` ("name/" for folders); none when absent. */
  async listKeys(path: string): Promise<string[]> {
    const folder = path.replace(/^\/+|\/+$/g, '');
    const request: VaultRequest = {
      method: 'GET',
      // The trailing slash is what policies for `.../*` match, as the CLI.
      path: `${this.#config.kvMount}/metadata/${
        folder ? `${kvPath(folder)}/` : ''
      }`,
      query: { list: 'true' },
      idempotent: true,
      absentOn404: true,
    };
    const answer = await this.#call(request);
    return answer
      ? this.#parse(kvListAnswer, answer.body, request).data.keys
      : [];
  }

  /**
   * Writes a new version. With `cas` Vault refuses (ConflictError) unless
   * the current version is `cas` (0: the secret must not exist yet). Only a
   * write with `cas` is retried after a lost answer: a retry of one that
   * landed then answers ConflictError rather than writing twice.
   */
  async write(
    path: string,
    data: Record<string, string>,
    options: { cas?: number } = {},
  ): Promise<KvWriteResult> {
    if (options.cas !== undefined) versionNumbers([options.cas], true);
    const request = this.#kv('POST', 'data', path, {
      body: {
        options: options.cas === undefined ? {} : { cas: options.cas },
        data,
      },
      idempotent: options.cas !== undefined,
      sensitive: true,
    });
    const answer = await this.#call(request);
    const { data: written } = this.#parse(kvWriteAnswer, answer?.body, request);
    return { version: written.version, createdTime: written.created_time };
  }

  /**
   * For checks inside the backend only (did a rotation land, is this the
   * version we wrote): reads one version's values, sealed in SecretValues.
   * Never return what this reads, or anything derived from a value, to a
   * caller outside the backend. Undefined when the version is absent,
   * deleted or destroyed.
   */
  async readVersionForInternalCheck(
    path: string,
    version?: number,
  ): Promise<KvVersionForCheck | undefined> {
    if (version !== undefined) versionNumbers([version]);
    const request = this.#kv('GET', 'data', path, {
      query: version === undefined ? undefined : { version: String(version) },
      absentOn404: true,
    });
    const answer = await this.#call(request);
    if (!answer) return undefined;
    const { data } = this.#parse(kvReadAnswer, answer.body, request);
    if (!data.data) return undefined;
    return {
      version: data.metadata.version,
      createdTime: data.metadata.created_time,
      values: SecretValues.of(data.data),
    };
  }

  /** Marks versions deleted; Vault can undelete them, unlike destroy. */
  async softDelete(path: string, versions: number[]): Promise<void> {
    await this.#call(
      this.#kv('POST', 'delete', path, {
        body: { versions: versionNumbers(versions) },
      }),
    );
  }

  /** Removes the versions' values for good; the metadata stays. */
  async destroy(path: string, versions: number[]): Promise<void> {
    await this.#call(
      this.#kv('PUT', 'destroy', path, {
        body: { versions: versionNumbers(versions) },
      }),
    );
  }

  async writeMetadata(
    path: string,
    settings: KvMetadataSettings,
  ): Promise<void> {
    const body: Record<string, unknown> = {};
    if (settings.maxVersions !== undefined) {
      body.max_versions = settings.maxVersions;
    }
    if (settings.casRequired !== undefined) {
      body.cas_required = settings.casRequired;
    }
    if (settings.customMetadata !== undefined) {
      body.custom_metadata = settings.customMetadata;
    }
    await this.#call(this.#kv('POST', 'metadata', path, { body }));
  }

  /** Removes the secret: every version and its metadata. */
  async deleteMetadata(path: string): Promise<void> {
    await this.#call(this.#kv('DELETE', 'metadata', path));
  }

  async readPolicy(name: string): Promise<AclPolicy | undefined> {
    const request = this.#request('GET', `sys/policies/acl/${segment(name)}`, {
      absentOn404: true,
    });
    const answer = await this.#call(request);
    return answer && this.#parse(policyAnswer, answer.body, request).data;
  }

  /** Creates or replaces a policy; Vault stores the name in lower case. */
  async writePolicy(name: string, hcl: string): Promise<void> {
    await this.#call(
      this.#request('PUT', `sys/policies/acl/${segment(name)}`, {
        body: { policy: hcl },
      }),
    );
  }

  async deletePolicy(name: string): Promise<void> {
    await this.#call(
      this.#request('DELETE', `sys/policies/acl/${segment(name)}`),
    );
  }

  async readAppRole(
    mount: string,
    role: string,
  ): Promise<AppRoleSettings | undefined> {
    const request = this.#request('GET', authRole(mount, role), {
      absentOn404: true,
    });
    const answer = await this.#call(request);
    return answer && this.#parse(appRoleAnswer, answer.body, request).data;
  }

  async writeAppRole(
    mount: string,
    role: string,
    settings: AppRoleSettings,
  ): Promise<void> {
    await this.#call(
      this.#request('POST', authRole(mount, role), { body: settings }),
    );
  }

  async deleteAppRole(mount: string, role: string): Promise<void> {
    await this.#call(this.#request('DELETE', authRole(mount, role)));
  }

  /** The role's RoleID (like a user name; the SecretID is the password). */
  async readRoleId(mount: string, role: string): Promise<string | undefined> {
    const request = this.#request('GET', `${authRole(mount, role)}/role-id`, {
      absentOn404: true,
    });
    const answer = await this.#call(request);
    return (
      answer && this.#parse(roleIdAnswer, answer.body, request).data.role_id
    );
  }

  /**
   * A new SecretID for the role, wrapped by Vault before it leaves: the
   * portal only ever holds the wrapping token, which the workload (or its
   * owner) unwraps once.
   */
  async generateWrappedSecretId(
    mount: string,
    role: string,
    wrapTtlSeconds: number,
  ): Promise<WrapInfo> {
    const request = this.#request(
      'POST',
      `${authRole(mount, role)}/secret-id`,
      {
        body: {},
        idempotent: false,
        sensitive: true,
        wrapTtlSeconds: wrapTtl(wrapTtlSeconds),
      },
    );
    return this.#wrapInfo(request);
  }

  async readKubernetesRole(
    mount: string,
    role: string,
  ): Promise<KubernetesRoleSettings | undefined> {
    const request = this.#request('GET', authRole(mount, role), {
      absentOn404: true,
    });
    const answer = await this.#call(request);
    return (
      answer && this.#parse(kubernetesRoleAnswer, answer.body, request).data
    );
  }

  async writeKubernetesRole(
    mount: string,
    role: string,
    settings: KubernetesRoleSettings,
  ): Promise<void> {
    await this.#call(
      this.#request('POST', authRole(mount, role), { body: settings }),
    );
  }

  async deleteKubernetesRole(mount: string, role: string): Promise<void> {
    await this.#call(this.#request('DELETE', authRole(mount, role)));
  }

  /**
   * Wraps `data` in a single-use token that expires after `ttlSeconds`:
   * how a generated value is shown once, without the portal keeping it.
   */
  async wrap(
    data: Record<string, string>,
    ttlSeconds: number,
  ): Promise<WrapInfo> {
    return this.#wrapInfo(
      this.#request('POST', 'sys/wrapping/wrap', {
        body: data,
        idempotent: false,
        sensitive: true,
        wrapTtlSeconds: wrapTtl(ttlSeconds),
      }),
    );
  }

  async #wrapInfo(request: VaultRequest): Promise<WrapInfo> {
    const answer = await this.#call(request);
    const info = this.#parse(wrapAnswer, answer?.body, request).wrap_info;
    return {
      token: info.token,
      accessor: info.accessor,
      ttl: info.ttl,
      creationTime: info.creation_time,
    };
  }

  #kv(
    method: VaultRequest['method'],
    kind: 'data' | 'metadata' | 'delete' | 'destroy',
    path: string,
    options: Partial<VaultRequest> = {},
  ): VaultRequest {
    return this.#request(
      method,
      `${this.#config.kvMount}/${kind}/${kvPath(path)}`,
      options,
    );
  }

  /** Reads, and writes that set a state, are idempotent unless told. */
  #request(
    method: VaultRequest['method'],
    path: string,
    options: Partial<VaultRequest> = {},
  ): VaultRequest {
    return { method, path, idempotent: true, ...options };
  }

  async #call(request: VaultRequest) {
    const token = await this.#session.token();
    try {
      return await this.#connection.send(request, {
        token,
        secrets: this.#session.secrets,
      });
    } catch (error) {
      if (!isPermissionDenied(error) || !this.#session.canLogIn) {
        throw error;
      }
      // Expired or revoked looks like any other refusal: one new login.
      this.#session.invalidate(token);
      return this.#connection.send(request, {
        token: await this.#session.token(),
        secrets: this.#session.secrets,
      });
    }
  }

  #parse<T extends z.ZodType>(
    shape: T,
    body: unknown,
    request: VaultRequest,
  ): z.output<T> {
    return parseAnswer(shape, body, {
      instance: this.#config.name,
      method: request.method,
      path: request.path,
    });
  }
}
