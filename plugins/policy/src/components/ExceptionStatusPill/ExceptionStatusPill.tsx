import type { ExceptionStatus } from '@finops/plugin-policy-common';
import { StatusPill, type StatusTone } from '@finops/ui';

const statusTones: Record<ExceptionStatus, StatusTone> = {
  pending: 'info',
  approved: 'success',
  rejected: 'danger',
  expired: 'neutral',
};

const statusLabels: Record<ExceptionStatus, string> = {
  pending: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
};

/** An exception's status as a coloured label. */
export function ExceptionStatusPill(props: { status: ExceptionStatus }) {
  return (
    <StatusPill tone={statusTones[props.status]}>
      {statusLabels[props.status]}
    </StatusPill>
  );
}
