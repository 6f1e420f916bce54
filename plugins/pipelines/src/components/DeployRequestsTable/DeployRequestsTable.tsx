import { useMemo } from 'react';
import type { DeployRequest } from '@finops/plugin-pipelines-common';
import {
  Button,
  Cell,
  CellText,
  type ColumnConfig,
  Flex,
  Table,
  Text,
} from '@backstage/ui';
import { describeDeploy } from '../../deployText';
import { formatDateTime, userName } from '../../format';
import { DeployRequestStatusPill } from '../DeployRequestStatusPill';
import type { Review } from '../ReviewDeployRequestDialog';

const OWN_REQUEST =
  'You asked for this deploy: someone other than you and its authors must approve it.';

function sameUser(a: string | undefined, b: string): boolean {
  return a?.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

function ReviewButtons(props: {
  request: DeployRequest;
  currentUserRef?: string;
  disabledReason?: string;
  onReview: (review: Review) => void;
}) {
  const { request, currentUserRef, disabledReason, onReview } = props;
  const own = sameUser(currentUserRef, request.requestedBy);
  // Who may not review at all is told that first; the own-request rule
  // only matters to those who may.
  const approveDisabledReason =
    disabledReason ?? (own ? OWN_REQUEST : undefined);
  const what = describeDeploy(request);
  return (
    <Flex direction="column" gap="1" align="start">
      <Flex gap="2">
        {/* A disabled button gets no hover, so the tooltip sits on a wrapper. */}
        <span title={approveDisabledReason}>
          <Button
            size="small"
            aria-label={`Approve: ${what}`}
            isDisabled={approveDisabledReason !== undefined}
            onPress={() => onReview({ request, decision: 'approve' })}
          >
            Approve
          </Button>
        </span>
        <span title={disabledReason}>
          <Button
            size="small"
            variant="secondary"
            destructive
            aria-label={`Reject: ${what}`}
            isDisabled={disabledReason !== undefined}
            onPress={() => onReview({ request, decision: 'reject' })}
          >
            Reject
          </Button>
        </span>
      </Flex>
      {approveDisabledReason && (
        <Text variant="body-x-small" color="secondary">
          {approveDisabledReason}
        </Text>
      )}
    </Flex>
  );
}

const columns: ColumnConfig<DeployRequest>[] = [
  {
    id: 'request',
    label: 'Request',
    isRowHeader: true,
    cell: r => <CellText title={describeDeploy(r)} />,
  },
  {
    id: 'requestedBy',
    label: 'Requested by',
    cell: r => (
      <CellText
        title={userName(r.requestedBy)}
        description={formatDateTime(r.requestedAt)}
      />
    ),
  },
  {
    id: 'status',
    label: 'Status',
    cell: r => (
      <Cell>
        <DeployRequestStatusPill status={r.status} />
      </Cell>
    ),
  },
  {
    id: 'reviewedBy',
    label: 'Reviewed by',
    cell: r => (
      <CellText
        title={r.reviewedBy ? userName(r.reviewedBy) : '—'}
        description={r.comment ?? undefined}
      />
    ),
  },
  {
    id: 'message',
    label: 'Message',
    cell: r => <CellText title={r.message ?? '—'} />,
  },
];

/**
 * Deploy requests, newest first; pending ones offer Approve and Reject,
 * disabled with `reviewDisabledReason` when the signed-in user may not
 * review. Approving your own request is not offered (the backend refuses it
 * too); an author's approval is refused by the backend, which says why.
 */
export function DeployRequestsTable(props: {
  requests: DeployRequest[];
  currentUserRef?: string;
  reviewDisabledReason?: string;
  onReview: (review: Review) => void;
}) {
  const { requests, currentUserRef, reviewDisabledReason, onReview } = props;
  const columnConfig = useMemo<ColumnConfig<DeployRequest>[]>(
    () => [
      ...columns,
      {
        id: 'review',
        label: 'Review',
        cell: r => (
          <Cell>
            {r.status === 'pending' ? (
              <ReviewButtons
                request={r}
                currentUserRef={currentUserRef}
                disabledReason={reviewDisabledReason}
                onReview={onReview}
              />
            ) : null}
          </Cell>
        ),
      },
    ],
    [currentUserRef, reviewDisabledReason, onReview],
  );
  return (
    <Table
      columnConfig={columnConfig}
      data={requests}
      pagination={{ type: 'none' }}
      emptyState={<Text>No deploy requests yet.</Text>}
    />
  );
}
