import { type ReactNode, useMemo } from 'react';
import { Cell, CellText, type ColumnConfig, Table } from '@backstage/ui';
import { formatDateTime, userName } from '../format';
import type { Review, ReviewableRequest } from '../requestReview';
import { ReviewButtons } from './ReviewButtons';

/**
 * Requests that need another person's approval, in the order given (newest
 * first, as the backends list them): what was asked, by whom and when, its
 * status, who reviewed it and what the system answered. Pending ones offer
 * Approve and Reject, disabled with `reviewDisabledReason` when the
 * signed-in user may not review; approving your own request is not offered,
 * with `ownRequestReason` saying why (the backend refuses it too).
 */
export function ReviewableRequestsTable<
  TRequest extends ReviewableRequest,
>(props: {
  requests: TRequest[];
  /** Names a request: the row's title, and the buttons' accessible names. */
  describe: (request: TRequest) => string;
  /** A line under the title, for what the title leaves out. */
  detail?: (request: TRequest) => string | undefined;
  /** The status cell, e.g. a StatusPill. */
  renderStatus: (request: TRequest) => ReactNode;
  /** Whether "Reviewed by" also says when. */
  showReviewedAt?: boolean;
  ownRequestReason: string;
  emptyState: ReactNode;
  currentUserRef?: string;
  reviewDisabledReason?: string;
  onReview: (review: Review<TRequest>) => void;
}) {
  const {
    requests,
    describe,
    detail,
    renderStatus,
    showReviewedAt,
    ownRequestReason,
    emptyState,
    currentUserRef,
    reviewDisabledReason,
    onReview,
  } = props;
  const columnConfig = useMemo<ColumnConfig<TRequest>[]>(
    () => [
      {
        id: 'request',
        label: 'Request',
        isRowHeader: true,
        cell: r => <CellText title={describe(r)} description={detail?.(r)} />,
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
        cell: r => <Cell>{renderStatus(r)}</Cell>,
      },
      {
        id: 'reviewedBy',
        label: 'Reviewed by',
        cell: r => (
          <CellText
            title={r.reviewedBy ? userName(r.reviewedBy) : '—'}
            description={
              [
                showReviewedAt && r.reviewedAt && formatDateTime(r.reviewedAt),
                r.comment,
              ]
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
      {
        id: 'review',
        label: 'Review',
        cell: r => (
          <Cell>
            {r.status === 'pending' ? (
              <ReviewButtons
                request={r}
                description={describe(r)}
                currentUserRef={currentUserRef}
                disabledReason={reviewDisabledReason}
                ownRequestReason={ownRequestReason}
                onReview={onReview}
              />
            ) : null}
          </Cell>
        ),
      },
    ],
    [
      describe,
      detail,
      renderStatus,
      showReviewedAt,
      ownRequestReason,
      currentUserRef,
      reviewDisabledReason,
      onReview,
    ],
  );
  return (
    <Table
      columnConfig={columnConfig}
      data={requests}
      pagination={{ type: 'none' }}
      emptyState={emptyState}
    />
  );
}
