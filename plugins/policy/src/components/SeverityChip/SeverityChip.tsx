import type { Severity } from '@finops/plugin-policy-common';
import { severityTone, StatusPill } from '@finops/ui';

const labels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** A rule's severity as a coloured label. */
export function SeverityChip(props: { severity: Severity }) {
  return (
    <StatusPill tone={severityTone(props.severity)}>
      {labels[props.severity]}
    </StatusPill>
  );
}
