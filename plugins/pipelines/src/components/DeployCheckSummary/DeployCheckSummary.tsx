import type { ReactNode } from 'react';
import type {
  DeployCheck,
  PolicyViolation,
} from '@finops/plugin-pipelines-common';
import { Alert, Flex, Text } from '@backstage/ui';
import { StatusPill, type StatusTone } from '@finops/ui';
import { describeTarget } from '../../deployText';
import { shortSha, userName } from '../../format';

const OUTCOMES: Record<
  DeployCheck['outcome'],
  { status: 'success' | 'warning' | 'danger'; title: string; text: string }
> = {
  allowed: {
    status: 'success',
    title: 'Runs now',
    text: 'The deploy policy allows it: it is dispatched when you confirm.',
  },
  'approval-required': {
    status: 'warning',
    title: "Needs approval by someone other than you and the change's authors",
    text: 'Confirming creates a request that waits under Deploy requests and runs once approved.',
  },
  refused: {
    status: 'danger',
    title: 'Refused by the deploy policy',
    text: 'Nothing can run until the violations below are resolved or excepted.',
  },
};

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

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>
        <Text variant="body-x-small" color="secondary" weight="bold">
          {props.label}
        </Text>
      </dt>
      <dd style={{ margin: 0 }}>
        <Text variant="body-small">{props.children}</Text>
      </dd>
    </>
  );
}

/**
 * What the deploy policy says about a deploy before anyone confirms it:
 * whether it runs now, waits for an approver or is refused (and why), who
 * wrote the change, and what would run it.
 */
export function DeployCheckSummary(props: { check: DeployCheck }) {
  const { check } = props;
  const outcome = OUTCOMES[check.outcome];
  return (
    <Flex direction="column" gap="3">
      <Alert
        status={outcome.status}
        icon
        title={outcome.title}
        description={outcome.text}
      />
      {/* Waiting for approval is itself a violation (DEP-APPROVAL-001), said above. */}
      {check.outcome !== 'approval-required' && check.violations.length > 0 && (
        <ul
          aria-label="Violations"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {check.violations.map(violation => (
            <Violation
              key={`${violation.rule}:${violation.message}`}
              violation={violation}
            />
          ))}
        </ul>
      )}
      {check.targetProblem && (
        <Alert
          status="danger"
          icon
          title="Nothing can run this deploy"
          description={check.targetProblem}
        />
      )}
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: 'var(--bui-space-1) var(--bui-space-3)',
          margin: 0,
        }}
      >
        <Fact label="Revision">
          {check.revision}
          {check.sha && ` (${shortSha(check.sha)})`}
        </Fact>
        <Fact label="Authors">
          {check.commitAuthors.length > 0
            ? check.commitAuthors.map(userName).join(', ')
            : 'Unknown'}
        </Fact>
        <Fact label="Runs with">
          {check.target ? describeTarget(check.target) : 'Nothing configured'}
        </Fact>
        {check.excepted.length > 0 && (
          <Fact label="Excepted rules">{check.excepted.join(', ')}</Fact>
        )}
      </dl>
    </Flex>
  );
}
