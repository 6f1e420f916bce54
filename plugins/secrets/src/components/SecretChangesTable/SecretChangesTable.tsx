import type {
  SecretChange,
  SecretChangeActionEnum,
  SecretChangeKindEnum,
} from '@finops/plugin-secrets-common';
import { Cell, CellText, type ColumnConfig, Table, Text } from '@backstage/ui';
import { StatusPill, type StatusTone } from '@finops/ui';

const KINDS: Record<SecretChangeKindEnum, string> = {
  secret: 'Secret',
  policy: 'Vault policy',
  approle: 'AppRole',
  kubernetes: 'Kubernetes role',
};

const ACTIONS: Record<
  SecretChangeActionEnum,
  { label: string; tone: StatusTone }
> = {
  create: { label: 'Create', tone: 'success' },
  update: { label: 'Update', tone: 'warning' },
  rotate: { label: 'Rotate', tone: 'info' },
  unchanged: { label: 'Unchanged', tone: 'neutral' },
};

type Row = SecretChange & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'action',
    label: 'Change',
    cell: c => {
      const action = ACTIONS[c.action] ?? { label: c.action, tone: 'neutral' };
      return (
        <Cell>
          <StatusPill tone={action.tone}>{action.label}</StatusPill>
        </Cell>
      );
    },
  },
  {
    id: 'kind',
    label: 'What',
    cell: c => <CellText title={KINDS[c.kind] ?? c.kind} />,
  },
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    cell: c => <CellText title={c.name} description={c.detail ?? undefined} />,
  },
];

/**
 * What a provisioning or rotation changed, or would change, in Vault: one
 * row per secret, policy and role, created, updated, rotated or unchanged.
 */
export function SecretChangesTable(props: {
  changes: SecretChange[];
  label: string;
}) {
  const rows = props.changes.map(c => ({ ...c, id: `${c.kind}:${c.name}` }));
  return (
    <div aria-label={props.label} role="region">
      <Table
        columnConfig={columns}
        data={rows}
        pagination={{ type: 'none' }}
        emptyState={<Text>Nothing to change.</Text>}
      />
    </div>
  );
}
