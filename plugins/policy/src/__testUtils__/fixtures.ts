import type { Entity } from '@backstage/catalog-model';
import type {
  DecisionLogEntry,
  EntityCompliance,
  PolicyException,
  PolicyVersion,
  Posture,
} from '@finops/plugin-policy-common';

export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

export const paymentsRef = 'component:default/payments-api';

export function exception(
  overrides: Partial<PolicyException> = {},
): PolicyException {
  return {
    id: '7f1c2b9e-0000-4000-8000-000000000001',
    entityRef: paymentsRef,
    rule: 'tls_required',
    justification: 'Legacy load balancer terminates TLS until Q3 migration',
    compensatingControl:
      'Traffic stays inside the private VPC with mTLS sidecars',
    expiresAt: '2026-09-01T12:00:00Z',
    status: 'pending',
    requestedBy: 'user:default/alice',
    requestedAt: '2026-06-01T09:30:00Z',
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    ...overrides,
  };
}

export function failingCompliance(
  overrides: Partial<EntityCompliance> = {},
): EntityCompliance {
  return {
    entityRef: paymentsRef,
    status: 'fail',
    revision: '3b5d5c3712955042212316173ccf37be',
    evaluatedAt: '2026-06-02T08:00:00Z',
    reason: null,
    violations: [
      {
        rule: 'owner_required',
        severity: 'low',
        message: 'The component has no owner team',
        remediation: 'Set spec.owner to a group',
        frameworks: ['SOC 2 CC1.3'],
      },
      {
        rule: 'encryption_at_rest',
        severity: 'critical',
        message: 'Card data is stored unencrypted',
        remediation: 'Enable KMS encryption on the database',
        frameworks: ['PCI-DSS 3.5', 'SOC 2 CC6.1'],
      },
      {
        rule: 'data_classification',
        severity: 'high',
        message: 'No data classification annotation',
        remediation: 'Add finops.io/data-classification',
        frameworks: ['SOC 2 CC6.1'],
      },
    ],
    excepted: [],
    exceptions: [],
    ...overrides,
  };
}

export const posture: Posture = {
  revision: '3b5d5c3712955042212316173ccf37be',
  entities: { total: 128, pass: 97, fail: 23, unknown: 8 },
  byFramework: [
    { framework: 'PCI-DSS 3.5', violations: 14, entities: 9, critical: 5 },
    { framework: 'SOC 2 CC6.1', violations: 31, entities: 17, critical: 2 },
  ],
  byOwner: [
    {
      owner: 'group:default/payments',
      entities: 12,
      failing: 4,
      violations: 11,
    },
  ],
  trend: [
    { day: '2026-06-01', violations: 50, critical: 8, failingEntities: 25 },
    { day: '2026-06-02', violations: 45, critical: 7, failingEntities: 23 },
  ],
};

export function decision(
  overrides: Partial<DecisionLogEntry> = {},
): DecisionLogEntry {
  return {
    id: '101',
    decisionPoint: 'deploy',
    subject: paymentsRef,
    inputDigest: 'sha256:abc',
    allow: false,
    violations: [
      {
        rule: 'change_window',
        severity: 'high',
        message: 'Outside the change window',
        remediation: 'Deploy between 08:00 and 16:00',
        frameworks: [],
      },
    ],
    revision: '3b5d5c3712955042212316173ccf37be',
    durationMs: 4.2,
    actor: 'user:default/bob',
    decidedAt: '2026-06-02T10:00:00Z',
    ...overrides,
  };
}

export const currentVersion: PolicyVersion = {
  revision: '3b5d5c3712955042212316173ccf37be',
  loadedAt: '2026-06-01T00:00:00Z',
  current: true,
  rules: [
    {
      id: 'encryption_at_rest',
      decisionPoint: 'catalog',
      title: 'Data stores are encrypted at rest',
      severity: 'critical',
      remediation: 'Enable KMS encryption on the database',
      frameworks: ['PCI-DSS 3.5'],
      enforcing: true,
      source:
        'violation contains v if {\n  not input.entity.metadata.annotations["finops.io/encrypted"]\n}',
    },
    {
      id: 'change_window',
      decisionPoint: 'deploy',
      title: 'Production deploys happen inside the change window',
      severity: 'high',
      remediation: 'Deploy between 08:00 and 16:00',
      frameworks: ['SOC 2 CC8.1'],
      enforcing: false,
      source: 'violation contains v if { not in_window }',
    },
  ],
};
