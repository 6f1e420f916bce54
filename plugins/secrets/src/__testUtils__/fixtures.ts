import type { Entity } from '@backstage/catalog-model';
import type {
  EntitySecrets,
  SecretBinding,
  SecretMetadata,
  SecretOutcome,
  SecretRequest,
} from '@finops/plugin-secrets-common';

export const cardPaymentsRef = 'component:default/card-payments';
export const BASE_PATH = 'services/default/card-payments';
export const VAULT_UI = 'https://vault.example.com';

export const cardPaymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'card-payments', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

/** A secret the platform provisioned, at `<basePath>/<name>`. */
export function secret(
  overrides: Partial<SecretMetadata> = {},
): SecretMetadata {
  const name = overrides.name ?? 'production/database';
  return {
    path: `${BASE_PATH}/${name}`,
    name,
    currentVersion: 3,
    versions: [
      {
        version: 1,
        createdTime: '2026-01-10T09:00:00Z',
        deletionTime: null,
        destroyed: true,
      },
      {
        version: 2,
        createdTime: '2026-03-01T09:00:00Z',
        deletionTime: null,
        destroyed: false,
      },
      {
        version: 3,
        createdTime: '2026-05-20T09:00:00Z',
        deletionTime: null,
        destroyed: false,
      },
    ],
    createdTime: '2026-01-10T09:00:00Z',
    updatedTime: '2026-05-20T09:00:00Z',
    rotatedTime: '2026-05-20T09:00:00Z',
    ageDays: 14.2,
    overdue: false,
    generatedKeys: ['password'],
    managed: true,
    uiUrl: `${VAULT_UI}/ui/vault/secrets/secret/kv/${encodeURIComponent(
      `${BASE_PATH}/${name}`,
    )}`,
    ...overrides,
  };
}

export function binding(overrides: Partial<SecretBinding> = {}): SecretBinding {
  return {
    kind: 'policy',
    name: 'finops-default-card-payments-production-read',
    environment: 'production',
    purpose: 'workload',
    exists: true,
    mount: null,
    policies: [],
    uiUrl: `${VAULT_UI}/ui/vault/policy/acl/finops-default-card-payments-production-read`,
    ...overrides,
  };
}

export function entitySecrets(
  overrides: Partial<EntitySecrets> = {},
): EntitySecrets {
  return {
    entityRef: cardPaymentsRef,
    configured: true,
    help: null,
    instance: 'main',
    basePath: BASE_PATH,
    kvMount: 'secret',
    paths: [{ path: BASE_PATH, secrets: [secret()], problem: null }],
    bindings: [
      binding(),
      binding({
        kind: 'approle',
        name: 'finops-default-card-payments-production',
        mount: 'approle',
        policies: ['finops-default-card-payments-production-read'],
        exists: false,
        uiUrl: null,
      }),
    ],
    environments: ['development', 'staging', 'production'],
    maxAgeDays: 90,
    uiUrl: VAULT_UI,
    ...overrides,
  };
}

export const notConfigured: EntitySecrets = {
  ...entitySecrets(),
  configured: false,
  help: 'Configure secrets.vault.instances in the app-config: a name, the baseUrl of Vault or OpenBao, and auth (token, approle or kubernetes). See the README of @finops/plugin-secrets-backend.',
  instance: null,
  basePath: null,
  kvMount: null,
  paths: [],
  bindings: [],
  uiUrl: null,
};

export function secretRequest(
  overrides: Partial<SecretRequest> = {},
): SecretRequest {
  return {
    id: '6b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
    entityRef: cardPaymentsRef,
    action: 'provision',
    environment: 'production',
    instance: 'main',
    secrets: [{ name: 'database', keys: ['password'] }],
    authMethod: 'approle',
    status: 'pending',
    requestedBy: 'user:default/alice',
    requestedAt: '2026-06-04T09:00:00Z',
    reviewedBy: null,
    reviewedAt: null,
    comment: null,
    message: null,
    ...overrides,
  };
}

export function outcome(overrides: Partial<SecretOutcome> = {}): SecretOutcome {
  return {
    outcome: 'applied',
    changes: [
      {
        kind: 'secret',
        name: `${BASE_PATH}/development/database`,
        action: 'create',
        detail: 'keys password',
      },
      {
        kind: 'policy',
        name: 'finops-default-card-payments-development-read',
        action: 'unchanged',
        detail: null,
      },
    ],
    violations: [],
    revision: 'secrets-2026-06-01',
    request: null,
    wrapped: null,
    ...overrides,
  };
}
