import type { DeployRequestStatus } from '@finops/plugin-pipelines-common';
import { StatusPill, type StatusTone } from '@finops/ui';

const STATUSES: Record<
  DeployRequestStatus,
  { label: string; tone: StatusTone }
> = {
  pending: { label: 'Pending approval', tone: 'warning' },
  dispatched: { label: 'Dispatched', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  rejected: { label: 'Rejected', tone: 'neutral' },
};

/** Where a deploy request stands. */
export function DeployRequestStatusPill(props: {
  status: DeployRequestStatus;
}) {
  const { label, tone } = STATUSES[props.status] ?? {
    label: props.status,
    tone: 'neutral',
  };
  return <StatusPill tone={tone}>{label}</StatusPill>;
}
