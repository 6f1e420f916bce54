import type { PostureByOwnerInner } from '@finops/plugin-policy-common';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  humanizeEntityRef,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { CellText, type ColumnConfig, Table, Text } from '@backstage/ui';

type Row = PostureByOwnerInner & { id: string };

/** Which teams own the non-compliant entities, worst first. */
export function OwnerPosture(props: { byOwner: PostureByOwnerInner[] }) {
  const entityLink = useEntityRefLink();
  const rows: Row[] = [...props.byOwner]
    .sort((a, b) => b.failing - a.failing || b.violations - a.violations)
    .map(row => ({ ...row, id: row.owner }));

  const columns: ColumnConfig<Row>[] = [
    {
      id: 'owner',
      label: 'Owner',
      isRowHeader: true,
      cell: row => {
        // Owners are usually full refs, but spec.owner may be a bare name.
        const owner = parseEntityRef(row.owner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        });
        return (
          <CellText
            title={humanizeEntityRef(owner, { defaultKind: 'group' })}
            href={entityLink(owner)}
          />
        );
      },
    },
    {
      id: 'failing',
      label: 'Non-compliant entities',
      cell: row => (
        <CellText
          title={`${row.failing} of ${row.entities}`}
          color={row.failing > 0 ? 'primary' : 'secondary'}
        />
      ),
    },
    {
      id: 'violations',
      label: 'Open violations',
      cell: row => <CellText title={String(row.violations)} />,
    },
  ];

  return (
    <Table
      columnConfig={columns}
      data={rows}
      pagination={{ type: 'none' }}
      emptyState={<Text>No owned entities have been evaluated yet.</Text>}
    />
  );
}
