import type { DeploymentStatus } from '@finops/plugin-pipelines-common';
import { StatusPill, type StatusTone } from '@finops/ui';

const STATUSES: Record<DeploymentStatus, { label: string; tone: StatusTone }> =
  {
    success: { label: 'Succeeded', tone: 'success' },
    failure: { label: 'Failed', tone: 'danger' },
    error: { label: 'Error', tone: 'danger' },
    in_progress: { label: 'Deploying', tone: 'info' },
    queued: { label: 'Queued', tone: 'neutral' },
    pending: { label: 'Pending', tone: 'neutral' },
    // GitHub marks a deployment inactive once a newer one replaces it.
    inactive: { label: 'Superseded', tone: 'neutral' },
    rolled_back: { label: 'Rolled back', tone: 'warning' },
  };

/** A deployment's state in words a release manager uses. */
export function DeploymentStatusPill(props: { status: DeploymentStatus }) {
  const { label, tone } = STATUSES[props.status] ?? {
    label: props.status,
    tone: 'neutral',
  };
  return <StatusPill tone={tone}>{label}</StatusPill>;
}
