import type { ReactNode } from 'react';
import type { DeployCheck } from '@finops/plugin-pipelines-common';
import { Alert, Flex, Text } from '@backstage/ui';
import { PolicyViolationList } from '@finops/ui';
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
      {check.outcome !== 'approval-required' && (
        <PolicyViolationList violations={check.violations} label="Violations" />
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
