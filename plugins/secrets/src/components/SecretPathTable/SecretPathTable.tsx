import { useMemo } from 'react';
import type { SecretMetadata } from '@finops/plugin-secrets-common';
import {
  Button,
  Cell,
  CellText,
  type ColumnConfig,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { formatAgeDays, formatDate, formatDateTime } from '../../format';
import { rotationOf } from '../../rotation';
import type { Rotation } from '../RotateDialog';
import { RotationStatusPill } from '../RotationStatusPill';

type Row = SecretMetadata & { id: string };

interface CellTextContent {
  title: string;
  description?: string;
}

/** How many versions Vault keeps, and how many of them are gone. */
function versionsKept(secret: SecretMetadata): CellTextContent {
  const gone = secret.versions.filter(
    v => v.destroyed || v.deletionTime !== null,
  ).length;
  return {
    title: String(secret.versions.length),
    description: gone > 0 ? `${gone} deleted or destroyed` : undefined,
  };
}

function RotateButton(props: {
  secret: SecretMetadata;
  basePath: string | null;
  disabledReason?: string;
  onRotate: (rotation: Rotation) => void;
}) {
  const { secret, basePath, disabledReason, onRotate } = props;
  const rotation = rotationOf(secret, basePath);
  if ('reason' in rotation) {
    return (
      <Text variant="body-x-small" color="secondary">
        {rotation.reason}
      </Text>
    );
  }
  return (
    // A disabled button gets no hover, so the tooltip sits on a wrapper.
    <span title={disabledReason}>
      <Button
        size="small"
        variant="secondary"
        aria-label={`Rotate ${secret.name}`}
        isDisabled={disabledReason !== undefined}
        onPress={() =>
          onRotate({
            ...rotation.target,
            path: secret.path,
            generatedKeys: secret.generatedKeys,
          })
        }
      >
        Rotate
      </Button>
    </span>
  );
}

/**
 * The secrets under one Vault path, from their metadata only: versions,
 * times, how long since their values changed and whether that is overdue,
 * who manages them, a link to the Vault UI and, for what the platform
 * generated, Rotate. No value is ever asked for.
 */
export function SecretPathTable(props: {
  secrets: SecretMetadata[];
  basePath: string | null;
  maxAgeDays: number;
  rotateDisabledReason?: string;
  onRotate: (rotation: Rotation) => void;
}) {
  const { secrets, basePath, maxAgeDays, rotateDisabledReason, onRotate } =
    props;
  const columns = useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'name',
        label: 'Secret',
        isRowHeader: true,
        cell: s => <CellText title={s.name} description={s.path} />,
      },
      {
        id: 'version',
        label: 'Version',
        cell: s => <CellText title={`v${s.currentVersion}`} />,
      },
      {
        id: 'versions',
        label: 'Versions kept',
        cell: s => <CellText {...versionsKept(s)} />,
      },
      {
        id: 'created',
        label: 'Created',
        cell: s => <CellText title={formatDate(s.createdTime)} />,
      },
      {
        id: 'updated',
        label: 'Updated',
        cell: s => <CellText title={formatDateTime(s.updatedTime)} />,
      },
      {
        id: 'rotated',
        label: 'Last rotated',
        cell: s => (
          <CellText
            title={formatDate(s.rotatedTime)}
            description={
              s.ageDays < 1 ? 'today' : `${formatAgeDays(s.ageDays)} ago`
            }
          />
        ),
      },
      {
        id: 'rotation',
        label: 'Rotation',
        cell: s => (
          <Cell>
            <RotationStatusPill secret={s} maxAgeDays={maxAgeDays} />
          </Cell>
        ),
      },
      {
        id: 'managed',
        label: 'Managed by',
        cell: s => (
          <CellText
            title={s.managed ? 'Platform' : 'Owners'}
            description={
              s.generatedKeys.length > 0
                ? `generated: ${s.generatedKeys.join(', ')}`
                : undefined
            }
          />
        ),
      },
      {
        id: 'vault',
        label: 'Vault',
        cell: s => (
          <Cell>
            {s.uiUrl ? (
              <Link
                href={s.uiUrl}
                target="_blank"
                rel="noreferrer"
                aria-label={`Open ${s.name} in Vault`}
              >
                Open
              </Link>
            ) : (
              '—'
            )}
          </Cell>
        ),
      },
      {
        id: 'rotate',
        label: 'Rotate',
        cell: s => (
          <Cell>
            <RotateButton
              secret={s}
              basePath={basePath}
              disabledReason={rotateDisabledReason}
              onRotate={onRotate}
            />
          </Cell>
        ),
      },
    ],
    [basePath, maxAgeDays, rotateDisabledReason, onRotate],
  );
  return (
    <Table
      columnConfig={columns}
      data={secrets.map(s => ({ ...s, id: s.path }))}
      pagination={{ type: 'none' }}
      emptyState={<Text>No secrets under this path yet.</Text>}
    />
  );
}
