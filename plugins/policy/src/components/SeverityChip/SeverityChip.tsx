import type { Severity } from '@finops/plugin-policy-common';
import { StatusPill, type StatusTone } from '@finops/ui';

const tones: Record<Severity, StatusTone> = {
  critical: 'danger',
  high: 'warning',
  medium: 'info',
  low: 'neutral',
};

const labels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** A rule's severity as a coloured label. */
export function SeverityChip(props: { severity: Severity }) {
  return (
    <StatusPill tone={tones[props.severity]}>
      {labels[props.severity]}
    </StatusPill>
  );
}
