import type {
  SecretBinding,
  SecretBindingKindEnum,
} from '@finops/plugin-secrets-common';
import {
  Cell,
  CellText,
  type ColumnConfig,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { StatusPill } from '@finops/ui';

const KINDS: Record<SecretBindingKindEnum, string> = {
  policy: 'Vault policy',
  approle: 'AppRole',
  kubernetes: 'Kubernetes role',
};

const PURPOSES = {
  workload: { title: 'Workload', description: 'reads the secrets' },
  pipeline: { title: 'Pipeline', description: 'writes them (CI, rotation)' },
};

type Row = SecretBinding & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'environment',
    label: 'Environment',
    cell: b => <CellText title={b.environment} />,
  },
  {
    id: 'kind',
    label: 'Kind',
    cell: b => (
      <CellText
        title={KINDS[b.kind] ?? b.kind}
        description={b.mount ? `auth/${b.mount}` : undefined}
      />
    ),
  },
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    cell: b => <CellText title={b.name} />,
  },
  {
    id: 'purpose',
    label: 'Purpose',
    cell: b => <CellText {...(PURPOSES[b.purpose] ?? { title: b.purpose })} />,
  },
  {
    id: 'exists',
    label: 'Exists',
    cell: b => (
      <Cell>
        {b.exists ? (
          <StatusPill tone="success">Yes</StatusPill>
        ) : (
          <StatusPill tone="neutral">No</StatusPill>
        )}
      </Cell>
    ),
  },
  {
    id: 'policies',
    label: 'Policies',
    cell: b => (
      <CellText
        title={b.kind === 'policy' ? '—' : b.policies.join(', ') || 'none'}
      />
    ),
  },
  {
    id: 'vault',
    label: 'Vault',
    cell: b => (
      <Cell>
        {b.uiUrl ? (
          <Link
            href={b.uiUrl}
            target="_blank"
            rel="noreferrer"
            aria-label={`Open ${b.name} in Vault`}
          >
            Open
          </Link>
        ) : (
          '—'
        )}
      </Cell>
    ),
  },
];

/**
 * The Vault policies and login roles the platform provisions for each
 * environment, and whether they exist yet: the workload's read policy and
 * role, the pipeline's write policy and AppRole.
 */
export function SecretBindingsTable(props: { bindings: SecretBinding[] }) {
  return (
    <Table
      columnConfig={columns}
      data={props.bindings.map(b => ({
        ...b,
        id: `${b.environment}:${b.kind}:${b.name}`,
      }))}
      pagination={{ type: 'none' }}
      emptyState={
        <Text>No policies or roles: the platform has not provisioned any.</Text>
      }
    />
  );
}
