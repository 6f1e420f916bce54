import type { Artifact } from '@finops/plugin-pipelines-common';
import {
  Cell,
  CellText,
  type ColumnConfig,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { formatBytes } from '../../format';
import { StatusPill } from '@finops/ui';

type Row = Artifact & { id: string };

/** "sha256:4e1243bd22c6…": enough to compare with a registry by eye. */
function shortDigest(digest: string): string {
  const [algorithm, hash] = digest.includes(':')
    ? digest.split(':', 2)
    : [undefined, digest];
  const short = hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
  return algorithm ? `${algorithm}:${short}` : short;
}

const columns: ColumnConfig<Row>[] = [
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    cell: a =>
      a.expired ? (
        <CellText title={a.name} />
      ) : (
        <Cell>
          <Link href={a.url} target="_blank" rel="noopener noreferrer">
            {a.name}
          </Link>
        </Cell>
      ),
  },
  {
    id: 'size',
    label: 'Size',
    cell: a => <CellText title={formatBytes(a.sizeBytes)} />,
  },
  {
    id: 'digest',
    label: 'Digest',
    cell: a => (
      <Cell>
        {a.digest ? <code title={a.digest}>{shortDigest(a.digest)}</code> : '—'}
      </Cell>
    ),
  },
  {
    id: 'state',
    label: 'State',
    cell: a => (
      <Cell>
        <StatusPill tone={a.expired ? 'neutral' : 'success'}>
          {a.expired ? 'Expired' : 'Available'}
        </StatusPill>
      </Cell>
    ),
  },
];

/**
 * What the run produced. GitHub deletes artifacts after their retention
 * period; an expired one keeps its name and digest but has nothing to
 * download, so it is not a link.
 */
export function ArtifactsTable(props: { artifacts: Artifact[] }) {
  const rows = props.artifacts.map(a => ({ ...a, id: a.name }));
  return (
    <Table
      columnConfig={columns}
      data={rows}
      pagination={{ type: 'none' }}
      emptyState={<Text>This run produced no artifacts.</Text>}
    />
  );
}
