import { Flex, Text } from '@backstage/ui';
import { severityTone } from '../severity';
import { StatusPill } from '../StatusPill/StatusPill';

/** A rule a policy found broken, as every policy decision reports it. */
export interface PolicyViolationListItem {
  rule: string;
  severity: string;
  message: string;
  remediation: string;
  frameworks: string[];
}

function Violation(props: { violation: PolicyViolationListItem }) {
  const { violation } = props;
  return (
    <li style={{ padding: 'var(--bui-space-2) 0' }}>
      <Flex direction="column" gap="1">
        <Flex align="center" gap="2">
          <StatusPill tone={severityTone(violation.severity)}>
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
 * What a policy said about a decision: each rule with its severity, its
 * message and how to meet it, and the frameworks that ask for it. Nothing
 * when it said nothing. `label` names the list for assistive technology.
 */
export function PolicyViolationList(props: {
  violations: readonly PolicyViolationListItem[];
  label: string;
}) {
  const { violations, label } = props;
  if (violations.length === 0) {
    return null;
  }
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {violations.map(violation => (
        <Violation
          key={`${violation.rule}:${violation.message}`}
          violation={violation}
        />
      ))}
    </ul>
  );
}
