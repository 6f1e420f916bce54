import { DecisionPoint } from '@finops/plugin-policy-common';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = resolvePackagePath(
  '@finops/plugin-policy-node',
  '../..',
);

export interface DecisionCase {
  name: string;
  point: DecisionPoint;
  input: unknown;
}

function exampleEntities(): any[] {
  const dir = join(REPO_ROOT, 'examples');
  return readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f =>
      parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map(d => d.toJS()),
    )
    .filter(Boolean);
}

const NOW_NS = Date.parse('2026-11-28T12:00:00Z') * 1e6;

/**
 * The shared table every evaluator must agree on: each example entity
 * through finops.catalog, plus scaffolder, deploy, secrets and permission inputs
 * that pass and that break each kind of rule.
 */
export function decisionCases(): DecisionCase[] {
  const entities = exampleEntities();
  const groups = entities
    .filter(e => e.kind === 'Group')
    .map(e => `group:default/${e.metadata.name}`);
  const catalog: DecisionCase[] = entities.map(entity => ({
    name: `catalog ${entity.kind}:${entity.metadata.name}`,
    point: 'catalog',
    input: { entity, groups, exceptions: [] },
  }));
  const service = entities.find(e => e.spec?.type === 'service');
  catalog.push({
    name: 'catalog with every fired rule excepted',
    point: 'catalog',
    input: {
      entity: {
        ...service,
        metadata: { ...service.metadata, annotations: {} },
      },
      groups,
      exceptions: [{ rule: 'CAT-CLASSIFICATION-001' }],
    },
  });

  const user = {
    ref: 'user:default/ana',
    groups: ['group:default/payments-team'],
  };
  const scaffolder: DecisionCase[] = [
    {
      name: 'scaffolder: valid request',
      point: 'scaffolder',
      input: {
        template: 'node-service',
        parameters: {
          name: 'refunds',
          owner: 'group:default/payments-team',
          system: 'payments',
          pciScope: true,
          environments: ['development', 'production'],
          dataClassification: 'restricted',
        },
        user,
        approved_pci_systems: ['payments'],
      },
    },
    {
      name: 'scaffolder: bad name, foreign owner, PCI outside approved system',
      point: 'scaffolder',
      input: {
        template: 'node-service',
        parameters: {
          name: 'Refunds_Service',
          owner: 'group:default/ledger-team',
          system: 'ledger',
          pciScope: true,
          environments: ['production', 'qa'],
        },
        user,
        approved_pci_systems: ['payments'],
      },
    },
  ];

  const deployBase = {
    entity: service,
    environment: 'production',
    version: '1.4.2',
    deployer: 'user:default/ana',
    approver: 'user:default/ben',
    commit_authors: ['user:default/carla'],
    sox_scoped: true,
    now_ns: NOW_NS,
    freeze_windows: [],
    open_violations: [],
    error_budget_remaining: 0.4,
    exceptions: [],
  };
  const deploy: DecisionCase[] = [
    { name: 'deploy: allowed', point: 'deploy', input: deployBase },
    {
      name: 'deploy: self-approved, author deploys, frozen, no budget',
      point: 'deploy',
      input: {
        ...deployBase,
        approver: 'user:default/ana',
        commit_authors: ['user:default/ana'],
        freeze_windows: [
          {
            start_ns: NOW_NS - 3.6e12,
            end_ns: NOW_NS + 3.6e12,
            environments: ['production'],
            reason: 'quarter close',
          },
        ],
        open_violations: [
          { rule: 'CAT-PCI-001', severity: 'critical', excepted: false },
        ],
        error_budget_remaining: 0,
      },
    },
    {
      name: 'deploy: error budget unknown',
      point: 'deploy',
      input: { ...deployBase, error_budget_remaining: null },
    },
    {
      name: 'deploy: authors unknown, no SLO declared',
      point: 'deploy',
      input: {
        ...deployBase,
        commit_authors: [],
        slo_declared: false,
        error_budget_remaining: null,
      },
    },
  ];

  const secretsBase = {
    entity: service,
    action: 'provision',
    environment: 'production',
    data_classification: 'restricted',
    pci_scoped: true,
    requester: 'user:default/ana',
    approver: 'user:default/ben',
    secrets: [{ path: 'kv/card-payments/db', age_days: 12.5 }],
    max_age_days: 90,
    exceptions: [],
  };
  const overdue = [
    { path: 'kv/card-payments/db', age_days: 120 },
    { path: 'kv/card-payments/api', age_days: 90.4 },
    { path: 'kv/card-payments/new', age_days: null },
  ];
  const secrets: DecisionCase[] = [
    { name: 'secrets: approved', point: 'secrets', input: secretsBase },
    {
      name: 'secrets: overdue rotation is advisory',
      point: 'secrets',
      input: { ...secretsBase, action: 'rotate', secrets: overdue },
    },
    {
      name: 'secrets: unapproved, classification unknown, overdue',
      point: 'secrets',
      input: {
        ...secretsBase,
        approver: null,
        data_classification: null,
        secrets: overdue,
      },
    },
    {
      name: 'secrets: self-approved, unknown action',
      point: 'secrets',
      input: { ...secretsBase, action: 'delete', approver: 'ana' },
    },
    {
      name: 'secrets: requester unknown',
      point: 'secrets',
      input: { ...secretsBase, requester: null },
    },
    {
      name: 'secrets: unapproved with the approval rule excepted',
      point: 'secrets',
      input: {
        ...secretsBase,
        approver: null,
        exceptions: [{ rule: 'SEC-APPROVAL-001' }],
      },
    },
    {
      name: 'secrets: staging needs no approver',
      point: 'secrets',
      input: { ...secretsBase, environment: 'staging', approver: null },
    },
  ];

  const config = {
    admin_groups: ['group:default/platform-team'],
    security_approver_groups: ['group:default/risk-team'],
  };
  const permission: DecisionCase[] = [
    ['catalog.entity.read', 'read', 'catalog-entity', null, user],
    ['catalog.entity.delete', 'delete', 'catalog-entity', null, user],
    [
      'catalog.entity.delete',
      'delete',
      'catalog-entity',
      null,
      { ref: 'user:default/priya', groups: ['group:default/platform-team'] },
    ],
    [
      'catalog.entity.refresh',
      'update',
      'catalog-entity',
      { owner: 'group:default/payments-team' },
      user,
    ],
    ['catalog.entity.refresh', 'update', 'catalog-entity', null, user],
    ['policy.exception.approve', 'update', undefined, null, user],
    [
      'policy.exception.approve',
      'update',
      undefined,
      null,
      { ref: 'user:default/mei', groups: ['group:default/risk-team'] },
    ],
    [
      'policy.exception.approve',
      'update',
      'policy-exception',
      { owner: 'group:default/payments-team', requester: 'user:default/mei' },
      { ref: 'user:default/mei', groups: ['group:default/risk-team'] },
    ],
  ].map(([name, action, resourceType, resource, who], i) => ({
    name: `permission ${i}: ${name} by ${(who as any).ref}`,
    point: 'permission' as const,
    input: {
      permission: { name, attributes: { action }, resourceType },
      user: who,
      resource,
      config,
    },
  }));

  return [...catalog, ...scaffolder, ...deploy, ...secrets, ...permission];
}
