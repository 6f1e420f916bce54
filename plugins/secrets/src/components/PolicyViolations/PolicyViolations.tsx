import type { PolicyViolation } from '@finops/plugin-secrets-common';
import { Flex, Text } from '@backstage/ui';
import { StatusPill, type StatusTone } from '@finops/ui';

const SEVERITY_TONES: Record<string, StatusTone> = {
  critical: 'danger',
  high: 'warning',
  medium: 'info',
  low: 'neutral',
};

function Violation(props: { violation: PolicyViolation }) {
  const { violation } = props;
  return (
    <li style={{ padding: 'var(--bui-space-2) 0' }}>
      <Flex direction="column" gap="1">
        <Flex align="center" gap="2">
          <StatusPill tone={SEVERITY_TONES[violation.severity] ?? 'neutral'}>
            {violation.severity}
          </StatusPill>
          <Text weight="bold">{violation.rule}</Text>
        </Flex>
        <Text variant="body-small">{violation.message}</Text>
        <Text variant="body-small" color="secondary">
          To resolve: {violation.remediation}
        </Text>
        {violation.frameworks.length > 0 && (
          <Text variant="body-x-small" color="secondary">
            {violation.frameworks.join(' · ')}
          </Text>
        )}
      </Flex>
    </li>
  );
}

/**
 * What the finops.secrets policy said: each rule with its message and how
 * to meet it, advisory ones (an overdue rotation) included. Nothing when
 * it said nothing.
 */
export function PolicyViolations(props: { violations: PolicyViolation[] }) {
  if (props.violations.length === 0) {
    return null;
  }
  return (
    <ul
      aria-label="Policy findings"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {props.violations.map(violation => (
        <Violation
          key={`${violation.rule}:${violation.message}`}
          violation={violation}
        />
      ))}
    </ul>
  );
}
