import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { PolicyDecision } from '@finops/plugin-policy-common';
import { PolicyService } from '@finops/plugin-policy-node';
import {
  EntitySecrets,
  entitySecretsPaths,
  entityVaultInstance,
  ProvisionInput,
  RotateInput,
  SecretOutcome,
  SecretRequest,
  secretsApprovePermission,
  secretsMetadataReadPermission,
  secretsProvisionPermission,
  secretsRotatePermission,
  WorkloadAuth,
} from '@finops/plugin-secrets-common';
import { readBindings, readSecretPaths } from './metadata/readEntitySecrets';
import {
  DEFAULT_LENGTH,
  ProvisionResult,
  Provisioner,
  ProvisionTarget,
} from './provisioning/Provisioner';
import { serviceVaultObjects } from './provisioning/vaultObjects';
import {
  SecretRequestSpec,
  SecretRequestStore,
  StoredSecretRequest,
} from './requests/SecretRequestStore';
import { SecretsSettings } from './secretsConfig';
import { VaultInstances } from './vault/VaultInstances';
import { VAULT_NOT_CONFIGURED_HELP } from './vaultStatus';

/** The rule an approval clears. */
const APPROVAL_RULE = 'SEC-APPROVAL-001';
/** Rules finops.secrets reports without refusing (enforcing: false). */
const ADVISORY_RULES = new Set(['SEC-ROTATION-001']);

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

interface Subject {
  entity: Entity;
  entityRef: string;
  /** False: a service a template provisions before registering it. */
  registered: boolean;
  name: CompoundEntityRef;
  target: ProvisionTarget;
}

/**
 * An entity's Vault secrets: what the Secrets tab shows, provisioning and
 * rotation, each decided by `finops.secrets` through the PolicyService:
 *
 * 1. the caller must hold `secrets.provision` / `secrets.rotate` on the
 *    entity (its owners);
 * 2. the policy decides with the caller as requester; in production,
 *    restricted, PCI or unclassified data waits for approval: the request is
 *    stored (names and key names only) and another owner approves it, the
 *    policy deciding again with that person as approver;
 * 3. refused → 403 and nothing changes; Vault down → 503.
 *
 * Values are generated here or supplied by the caller, written to Vault and
 * forgotten; they leave only inside a response-wrapping token when asked.
 */
export class SecretsService {
  readonly #instances: VaultInstances;
  readonly #settings: SecretsSettings;
  readonly #catalog: CatalogService;
  readonly #permissions: PermissionsService;
  readonly #userInfo: UserInfoService;
  readonly #policy: PolicyService;
  readonly #requests: SecretRequestStore;
  readonly #provisioner: Provisioner;
  readonly #now: () => number;

  constructor(options: {
    instances: VaultInstances;
    settings: SecretsSettings;
    catalog: CatalogService;
    permissions: PermissionsService;
    userInfo: UserInfoService;
    policy: PolicyService;
    requests: SecretRequestStore;
    now?: () => number;
  }) {
    this.#instances = options.instances;
    this.#settings = options.settings;
    this.#catalog = options.catalog;
    this.#permissions = options.permissions;
    this.#userInfo = options.userInfo;
    this.#policy = options.policy;
    this.#requests = options.requests;
    this.#now = options.now ?? Date.now;
    this.#provisioner = new Provisioner(options.settings, this.#now);
  }

  async read(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntitySecrets> {
    const entity = await this.#entity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    await this.#authorize(secretsMetadataReadPermission, ref, credentials);
    const about = {
      entityRef: ref,
      environments: this.#settings.environments,
      maxAgeDays: this.#settings.maxAgeDays,
    };
    if (!this.#instances.configured) {
      return {
        ...about,
        configured: false,
        help: VAULT_NOT_CONFIGURED_HELP,
        instance: null,
        basePath: null,
        kvMount: null,
        paths: [],
        bindings: [],
        uiUrl: null,
      };
    }
    const paths = secretsPaths(entity);
    const client = this.#instances.get(entityVaultInstance(entity));
    const [secretPaths, bindings] = await Promise.all([
      readSecretPaths(client, paths, this.#settings, this.#now()),
      readBindings(
        client,
        getCompoundEntityRef(entity),
        paths[0],
        this.#settings,
      ),
    ]);
    return {
      ...about,
      configured: true,
      help: null,
      instance: client.name,
      basePath: paths[0],
      kvMount: client.kvMount,
      paths: secretPaths,
      bindings,
      uiUrl: client.uiUrl ?? null,
    };
  }

  async provision(
    input: ProvisionInput,
    credentials: UserCredentials,
  ): Promise<SecretOutcome> {
    const subject = await this.#subject(
      input.entityRef,
      input.environment,
      credentials,
      undefined,
      input.entity as Entity | undefined,
    );
    if (subject.registered) {
      await this.#authorize(
        secretsProvisionPermission,
        subject.entityRef,
        credentials,
      );
    } else {
      await this.#authorizeNewOwner(subject.entity, credentials);
    }
    const secrets = checkSecrets(input.secrets);
    const auth = checkAuth(input.auth);
    const decision = await this.#decide(subject, {
      action: 'provision',
      environment: input.environment,
      requester: credentials.principal.userEntityRef,
      approver: null,
      credentials,
    });
    const outcome = outcomeOf(decision);
    if (outcome === 'refused') throw refusal(decision, 'provision secrets');
    if (outcome === 'approval-required' && !input.dryRun) {
      if (secrets.some(s => s.keys.some(k => k.value !== undefined))) {
        throw new InputError(
          `${input.environment} secrets of ${subject.entityRef} need another owner's approval, and supplied values are never stored while a request waits: leave the values to be generated, or set them in Vault once it is approved`,
        );
      }
      const request = await this.#requests.create(
        {
          entityRef: subject.entityRef,
          action: 'provision',
          environment: input.environment,
          instance: subject.target.client.name,
          spec: {
            secrets: secrets.map(s => ({
              name: s.name,
              keys: s.keys.map(k => ({
                key: k.key,
                length: k.length ?? DEFAULT_LENGTH,
              })),
            })),
            auth,
          },
          requestedBy: credentials.principal.userEntityRef,
        },
        this.#now(),
      );
      return pending(decision, request);
    }
    const result = await this.#provisioner.provision(
      subject.target,
      { secrets, auth },
      { dryRun: !!input.dryRun, wrap: !!input.wrap },
    );
    return done(decision, result, input.dryRun ? 'planned' : 'applied');
  }

  async rotate(
    input: RotateInput,
    credentials: UserCredentials,
  ): Promise<SecretOutcome> {
    const subject = await this.#subject(
      input.entityRef,
      input.environment,
      credentials,
    );
    await this.#authorize(
      secretsRotatePermission,
      subject.entityRef,
      credentials,
    );
    const decision = await this.#decide(subject, {
      action: 'rotate',
      environment: input.environment,
      requester: credentials.principal.userEntityRef,
      approver: null,
      credentials,
    });
    const outcome = outcomeOf(decision);
    if (outcome === 'refused') throw refusal(decision, 'rotate secrets');
    if (outcome === 'approval-required') {
      const request = await this.#requests.create(
        {
          entityRef: subject.entityRef,
          action: 'rotate',
          environment: input.environment,
          instance: subject.target.client.name,
          spec: { secrets: [{ name: input.secret, keys: [] }], auth: null },
          requestedBy: credentials.principal.userEntityRef,
        },
        this.#now(),
      );
      return pending(decision, request);
    }
    const result = await this.#provisioner.rotate(
      subject.target,
      input.secret,
      {
        wrap: !!input.wrap,
      },
    );
    return done(decision, result, 'applied');
  }

  async listRequests(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SecretRequest[]> {
    const entity = await this.#entity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    await this.#authorize(secretsMetadataReadPermission, ref, credentials);
    return (await this.#requests.list(ref)).map(publicRequest);
  }

  /**
   * Approves a pending request as the caller and applies it: the policy
   * decides again with the caller as approver (the requester cannot approve
   * their own); values are generated now. Claiming the request is atomic,
   * so it is applied once.
   */
  async approve(
    id: string,
    comment: string | null,
    credentials: UserCredentials,
  ): Promise<SecretRequest> {
    const request = await this.#pending(id, credentials);
    const subject = await this.#subject(
      request.entityRef,
      request.environment,
      credentials,
      request.instance,
    );
    const decision = await this.#decide(subject, {
      action: request.action,
      environment: request.environment,
      requester: request.requestedBy,
      approver: credentials.principal.userEntityRef,
      credentials,
    });
    if (!decision.allow) throw refusal(decision, 'approve this request');
    await this.#review(id, 'applied', comment, credentials);
    let result: ProvisionResult;
    try {
      result = await this.#apply(subject.target, request.spec, request.action);
    } catch (error) {
      await this.#requests.setOutcome(id, {
        status: 'failed',
        message: (error as Error).message,
      });
      return publicRequest((await this.#requests.get(id))!);
    }
    await this.#requests.setOutcome(id, {
      status: 'applied',
      message: result.changes
        .map(c => `${c.kind} ${c.name}: ${c.action}`)
        .join('; '),
    });
    return publicRequest((await this.#requests.get(id))!);
  }

  async reject(
    id: string,
    comment: string | null,
    credentials: UserCredentials,
  ): Promise<SecretRequest> {
    await this.#pending(id, credentials);
    await this.#review(id, 'rejected', comment, credentials);
    return publicRequest((await this.#requests.get(id))!);
  }

  async #apply(
    target: ProvisionTarget,
    spec: SecretRequestSpec,
    action: 'provision' | 'rotate',
  ): Promise<ProvisionResult> {
    if (action === 'rotate') {
      return this.#provisioner.rotate(target, spec.secrets[0].name, {
        wrap: false,
      });
    }
    return this.#provisioner.provision(
      target,
      { secrets: spec.secrets, auth: spec.auth ?? { method: 'approle' } },
      { dryRun: false, wrap: false },
    );
  }

  async #pending(
    id: string,
    credentials: UserCredentials,
  ): Promise<StoredSecretRequest> {
    const request = await this.#requests.get(id);
    // A request of an entity the caller cannot see is not found.
    if (!request) throw new NotFoundError(`No secret request ${id}`);
    await this.#entity(request.entityRef, credentials);
    await this.#authorize(
      secretsApprovePermission,
      request.entityRef,
      credentials,
    );
    if (request.status !== 'pending') {
      throw new ConflictError(`The request ${id} is already ${request.status}`);
    }
    return request;
  }

  async #review(
    id: string,
    status: 'applied' | 'rejected',
    comment: string | null,
    credentials: UserCredentials,
  ): Promise<void> {
    const claimed = await this.#requests.review(id, {
      status,
      reviewedBy: credentials.principal.userEntityRef,
      comment,
      message: null,
      now: this.#now(),
    });
    if (!claimed) {
      throw new ConflictError(`The request ${id} was decided by someone else`);
    }
  }

  async #subject(
    entityRef: string,
    environment: string,
    credentials: BackstageCredentials,
    instance?: string,
    proposed?: Entity,
  ): Promise<Subject> {
    if (!this.#settings.environments.includes(environment)) {
      throw new InputError(
        `Unknown environment ${environment}; secrets are provisioned for ${this.#settings.environments.join(
          ', ',
        )}`,
      );
    }
    const found = await this.#entity(entityRef, credentials, !!proposed);
    const entity = found ?? newEntity(entityRef, proposed!);
    const client = this.#instances.get(instance ?? entityVaultInstance(entity));
    const name = getCompoundEntityRef(entity);
    const ref = stringifyEntityRef(entity);
    return {
      entity,
      entityRef: ref,
      registered: !!found,
      name,
      target: {
        client,
        entityRef: ref,
        objects: serviceVaultObjects(
          name,
          secretsPaths(entity)[0],
          environment,
        ),
      },
    };
  }

  async #decide(
    subject: Subject,
    facts: {
      action: 'provision' | 'rotate';
      environment: string;
      requester: string;
      approver: string | null;
      credentials: BackstageCredentials;
    },
  ): Promise<PolicyDecision> {
    const { entity, target } = subject;
    const [folder] = await readSecretPaths(
      target.client,
      [target.objects.folder],
      this.#settings,
      this.#now(),
    );
    return this.#policy.decide(
      'secrets',
      {
        entity,
        action: facts.action,
        environment: facts.environment,
        data_classification:
          entity.metadata.annotations?.['finops.io/data-classification'] ??
          null,
        pci_scoped: pciScoped(entity),
        requester: facts.requester,
        approver: facts.approver,
        secrets: folder.secrets.map(s => ({
          path: s.path,
          age_days: s.ageDays,
        })),
        max_age_days: this.#settings.maxAgeDays,
      },
      { credentials: facts.credentials, subject: subject.entityRef },
    );
  }

  async #entity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity>;
  async #entity(
    entityRef: string,
    credentials: BackstageCredentials,
    absentIsFine: boolean,
  ): Promise<Entity | undefined>;
  async #entity(
    entityRef: string,
    credentials: BackstageCredentials,
    absentIsFine = false,
  ): Promise<Entity | undefined> {
    // parseEntityRef throws a TypeError or a plain Error (no kind, no
    // name): either is the caller's mistake, never a server error.
    try {
      parseEntityRef(entityRef);
    } catch {
      throw new InputError(`${entityRef} is not an entity reference`);
    }
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity && !absentIsFine) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    return entity;
  }

  /**
   * For a service the catalog does not know yet, there is no entity to
   * hold a permission on: the caller must be (in) its declared owner.
   */
  async #authorizeNewOwner(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const namespace = entity.metadata.namespace ?? 'default';
    const owner = stringifyEntityRef(
      parseEntityRef(String(entity.spec!.owner), {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      credentials,
    );
    const mine = ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
    if (!mine.includes(owner.toLocaleLowerCase('en-US'))) {
      throw new NotAllowedError(
        `${stringifyEntityRef(
          entity,
        )} is not in the catalog yet and its owner ${owner} is not you or one of your groups`,
      );
    }
  }

  async #authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.#permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        permission === secretsMetadataReadPermission
          ? `You may not read the secrets of ${entityRef}`
          : `Only the owners of ${entityRef} ${
              permission === secretsApprovePermission
                ? 'review its secret requests'
                : 'provision and rotate its secrets'
            }`,
      );
    }
  }
}

/**
 * The entity a template will register, checked against the ref it is
 * provisioned as; only what the policy and the paths read is kept.
 */
function newEntity(entityRef: string, proposed: Entity): Entity {
  let ref: string;
  try {
    ref = stringifyEntityRef(proposed);
  } catch {
    throw new InputError(
      'entity must be a catalog entity with kind and metadata.name',
    );
  }
  if (ref.toLocaleLowerCase('en-US') !== entityRef.toLocaleLowerCase('en-US')) {
    throw new InputError(`entity is ${ref}, not ${entityRef}`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(proposed.metadata.name)) {
    throw new InputError(`entity name ${proposed.metadata.name} is not valid`);
  }
  const owner = proposed.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    throw new InputError(`entity ${ref} names no spec.owner`);
  }
  return {
    apiVersion: String(proposed.apiVersion ?? 'backstage.io/v1alpha1'),
    kind: proposed.kind,
    metadata: {
      name: proposed.metadata.name,
      namespace: proposed.metadata.namespace ?? 'default',
      annotations: proposed.metadata.annotations ?? {},
      labels: proposed.metadata.labels ?? {},
      tags: proposed.metadata.tags ?? [],
    },
    spec: {
      owner,
      type: proposed.spec?.type,
      lifecycle: proposed.spec?.lifecycle,
    },
  };
}

function secretsPaths(entity: Entity): string[] {
  try {
    return entitySecretsPaths(entity);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/** As finops.catalog reads it: the label, or the `pci` tag. */
function pciScoped(entity: Entity): boolean {
  return (
    entity.metadata.labels?.['finops.io/pci-scope'] === 'true' ||
    (entity.metadata.tags ?? []).includes('pci')
  );
}

function checkSecrets(secrets: ProvisionInput['secrets']) {
  const names = new Set<string>();
  for (const secret of secrets) {
    if (names.has(secret.name)) {
      throw new InputError(`The secret ${secret.name} is listed twice`);
    }
    names.add(secret.name);
    const keys = new Set<string>();
    for (const key of secret.keys) {
      if (keys.has(key.key)) {
        throw new InputError(
          `The key ${key.key} of ${secret.name} is listed twice`,
        );
      }
      if (key.value !== undefined && key.length !== undefined) {
        throw new InputError(
          `The key ${key.key} of ${secret.name} has a value and a length to generate; give one`,
        );
      }
      if (key.value === '') {
        throw new InputError(
          `The key ${key.key} of ${secret.name} has an empty value; leave it out to generate one`,
        );
      }
      keys.add(key.key);
    }
  }
  return secrets;
}

function checkAuth(auth: WorkloadAuth): WorkloadAuth {
  if (auth.method === 'kubernetes') {
    if (!auth.serviceAccounts?.length || !auth.namespaces?.length) {
      throw new InputError(
        'A Kubernetes auth role needs the service accounts and namespaces it is bound to',
      );
    }
    return {
      method: 'kubernetes',
      serviceAccounts: auth.serviceAccounts,
      namespaces: auth.namespaces,
    };
  }
  return { method: 'approle' };
}

function blocking(decision: PolicyDecision) {
  return decision.violations.filter(v => !ADVISORY_RULES.has(v.rule));
}

function outcomeOf(
  decision: PolicyDecision,
): 'allowed' | 'approval-required' | 'refused' {
  if (decision.allow) return 'allowed';
  const rules = blocking(decision);
  return rules.length > 0 && rules.every(v => v.rule === APPROVAL_RULE)
    ? 'approval-required'
    : 'refused';
}

function refusal(decision: PolicyDecision, what: string): NotAllowedError {
  const rules = blocking(decision)
    .map(v => `${v.rule}: ${v.message}`)
    .join('; ');
  return new NotAllowedError(`finops.secrets refuses to ${what}: ${rules}`);
}

function pending(
  decision: PolicyDecision,
  request: StoredSecretRequest,
): SecretOutcome {
  return {
    outcome: 'approval-required',
    changes: [],
    violations: decision.violations,
    revision: decision.revision,
    request: publicRequest(request),
    wrapped: null,
  };
}

function done(
  decision: PolicyDecision,
  result: ProvisionResult,
  outcome: 'applied' | 'planned',
): SecretOutcome {
  return {
    outcome,
    changes: result.changes,
    violations: decision.violations,
    revision: decision.revision,
    request: null,
    wrapped: result.wrapped,
  };
}

function publicRequest(request: StoredSecretRequest): SecretRequest {
  const { spec: _spec, ...rest } = request;
  return rest;
}
