import type { SecretRequestStatus } from '@finops/plugin-secrets-common';
import { StatusPill, type StatusTone } from '@finops/ui';

const STATUSES: Record<
  SecretRequestStatus,
  { label: string; tone: StatusTone }
> = {
  pending: { label: 'Pending approval', tone: 'warning' },
  applied: { label: 'Applied', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  rejected: { label: 'Rejected', tone: 'neutral' },
};

/** Where a secret request stands. */
export function SecretRequestStatusPill(props: {
  status: SecretRequestStatus;
}) {
  const { label, tone } = STATUSES[props.status] ?? {
    label: props.status,
    tone: 'neutral',
  };
  return <StatusPill tone={tone}>{label}</StatusPill>;
}
