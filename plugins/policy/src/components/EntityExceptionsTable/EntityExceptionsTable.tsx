import type { PolicyException } from '@finops/plugin-policy-common';
import { Cell, CellText, type ColumnConfig, Table, Text } from '@backstage/ui';
import { formatDate, formatDateTime, refName } from '../../format';
import { ExceptionStatusPill } from '../ExceptionStatusPill';

function reviewOf(exception: PolicyException): string {
  if (!exception.reviewedBy) {
    return '';
  }
  const who = `${refName(exception.reviewedBy)}${
    exception.reviewedAt ? `, ${formatDateTime(exception.reviewedAt)}` : ''
  }`;
  return exception.reviewComment ? `${who}: ${exception.reviewComment}` : who;
}

const columns: ColumnConfig<PolicyException>[] = [
  {
    id: 'rule',
    label: 'Rule',
    isRowHeader: true,
    cell: e => <CellText title={e.rule} description={e.justification} />,
  },
  {
    id: 'status',
    label: 'Status',
    cell: e => (
      <Cell>
        <ExceptionStatusPill status={e.status} />
      </Cell>
    ),
  },
  {
    id: 'control',
    label: 'Compensating control',
    cell: e => <CellText title={e.compensatingControl} />,
  },
  {
    id: 'requested',
    label: 'Requested',
    cell: e => (
      <CellText
        title={refName(e.requestedBy)}
        description={formatDateTime(e.requestedAt)}
      />
    ),
  },
  {
    id: 'expires',
    label: 'Expires',
    cell: e => <CellText title={formatDate(e.expiresAt)} />,
  },
  {
    id: 'review',
    label: 'Review',
    cell: e => <CellText title={reviewOf(e)} />,
  },
];

/** Every exception requested for the entity, whatever its status. */
export function EntityExceptionsTable(props: {
  exceptions: PolicyException[];
}) {
  return (
    <Table
      columnConfig={columns}
      data={props.exceptions}
      pagination={{ type: 'none' }}
      emptyState={
        <Text>No exceptions have been requested for this entity.</Text>
      }
    />
  );
}
