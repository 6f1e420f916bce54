import { useMemo } from 'react';
import type { SecretRequest } from '@finops/plugin-secrets-common';
import {
  Button,
  Cell,
  CellText,
  type ColumnConfig,
  Flex,
  Table,
  Text,
} from '@backstage/ui';
import { formatDateTime, userName } from '../../format';
import { describeRequest } from '../../requestText';
import type { Review } from '../ReviewSecretRequestDialog';
import { SecretRequestStatusPill } from '../SecretRequestStatusPill';

/** Why the requester cannot approve: finops.secrets (SEC-SOD-001) says so. */
export const OWN_REQUEST = 'You asked for this; another owner approves it';

function sameUser(a: string | undefined, b: string): boolean {
  return a?.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

function ReviewButtons(props: {
  request: SecretRequest;
  currentUserRef?: string;
  disabledReason?: string;
  onReview: (review: Review) => void;
}) {
  const { request, currentUserRef, disabledReason, onReview } = props;
  const own = sameUser(currentUserRef, request.requestedBy);
  // Who may not review at all is told that first; the own-request rule
  // only matters to those who may. The requester may still reject
  // (withdraw) their own request.
  const approveDisabledReason =
    disabledReason ?? (own ? OWN_REQUEST : undefined);
  const what = describeRequest(request);
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

const columns: ColumnConfig<SecretRequest>[] = [
  {
    id: 'request',
    label: 'Request',
    isRowHeader: true,
    cell: r => (
      <CellText
        title={describeRequest(r)}
        description={r.secrets
          .filter(s => s.keys.length > 0)
          .map(s => `${s.name}: ${s.keys.join(', ')}`)
          .join('; ')}
      />
    ),
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
        <SecretRequestStatusPill status={r.status} />
      </Cell>
    ),
  },
  {
    id: 'reviewedBy',
    label: 'Reviewed by',
    cell: r => (
      <CellText
        title={r.reviewedBy ? userName(r.reviewedBy) : '—'}
        description={
          [r.reviewedAt && formatDateTime(r.reviewedAt), r.comment]
            .filter(Boolean)
            .join(' · ') || undefined
        }
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
 * Secret requests, newest first: provisionings and rotations that needed
 * another owner's approval. Pending ones offer Approve and Reject,
 * disabled with `reviewDisabledReason` when the signed-in user may not
 * review; approving your own request is not offered (the backend refuses
 * it too).
 */
export function SecretRequestsTable(props: {
  requests: SecretRequest[];
  currentUserRef?: string;
  reviewDisabledReason?: string;
  onReview: (review: Review) => void;
}) {
  const { requests, currentUserRef, reviewDisabledReason, onReview } = props;
  const columnConfig = useMemo<ColumnConfig<SecretRequest>[]>(
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
      emptyState={
        <Text>
          No requests: nothing this entity asked for needed another owner&apos;s
          approval.
        </Text>
      }
    />
  );
}
