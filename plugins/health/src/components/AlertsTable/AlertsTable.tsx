import type { Alert } from '@finops/plugin-health-common';
import {
  Cell,
  CellText,
  type ColumnConfig,
  Flex,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { StatusPill, type StatusTone } from '@finops/ui';
import {
  type AlertCondition,
  alertCondition,
  alertSeverityTone,
  sortAlerts,
} from '../../alerts';
import { formatDateTime, formatRelativeTime } from '../../format';

type Row = Alert & { id: string };

const CONDITIONS: Record<AlertCondition, { label: string; tone: StatusTone }> =
  {
    firing: { label: 'Firing', tone: 'danger' },
    pending: { label: 'Pending', tone: 'info' },
    silenced: { label: 'Silenced', tone: 'neutral' },
    inhibited: { label: 'Inhibited', tone: 'neutral' },
  };

function AlertLinks(props: { alert: Alert }) {
  const { alert } = props;
  const links = [
    { label: 'Runbook', href: alert.runbookUrl },
    { label: 'Source', href: alert.generatorUrl },
    { label: 'Alertmanager', href: alert.url },
  ].filter((l): l is { label: string; href: string } => Boolean(l.href));
  if (links.length === 0) {
    return <Text color="secondary">—</Text>;
  }
  return (
    <Flex gap="2" style={{ flexWrap: 'wrap' }}>
      {links.map(l => (
        <Link
          key={l.label}
          href={l.href}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${l.label} of ${alert.name}`}
        >
          {l.label}
        </Link>
      ))}
    </Flex>
  );
}

const columns: ColumnConfig<Row>[] = [
  {
    id: 'severity',
    label: 'Severity',
    cell: a => (
      <Cell>
        <StatusPill tone={alertSeverityTone(a.severity)}>
          {a.severity ?? 'none'}
        </StatusPill>
      </Cell>
    ),
  },
  {
    id: 'name',
    label: 'Alert',
    isRowHeader: true,
    cell: a => <CellText title={a.name} />,
  },
  {
    id: 'state',
    label: 'State',
    cell: a => {
      const { label, tone } = CONDITIONS[alertCondition(a)];
      return (
        <Cell>
          <StatusPill tone={tone}>{label}</StatusPill>
        </Cell>
      );
    },
  },
  {
    id: 'since',
    label: 'Since',
    cell: a => (
      <CellText
        title={formatRelativeTime(a.startsAt)}
        description={formatDateTime(a.startsAt)}
      />
    ),
  },
  {
    id: 'summary',
    label: 'Summary',
    cell: a => (
      <CellText
        title={a.summary ?? '—'}
        description={a.description ?? undefined}
      />
    ),
  },
  {
    id: 'links',
    label: 'Links',
    cell: a => (
      <Cell>
        <AlertLinks alert={a} />
      </Cell>
    ),
  },
];

/**
 * The entity's alerts, firing ones first and the most severe of those on
 * top, with what Alertmanager knows to act on them: a summary, since when,
 * the runbook, the rule's source and the alert in Alertmanager.
 */
export function AlertsTable(props: { alerts: Alert[]; selector: string }) {
  return (
    <Table
      columnConfig={columns}
      data={sortAlerts(props.alerts).map(a => ({ ...a, id: a.fingerprint }))}
      pagination={{ type: 'none' }}
      emptyState={
        <Text>
          Nothing is firing for <code>{props.selector}</code>.
        </Text>
      }
    />
  );
}
