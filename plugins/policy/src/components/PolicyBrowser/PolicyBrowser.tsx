import {
  DECISION_POINTS,
  type DecisionPoint,
  type PolicyRule,
} from '@finops/plugin-policy-common';
import { EmptyState, Progress } from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import { formatDateTime, shortRevision } from '../../format';
import { usePolicyRules, usePolicyVersions } from '../../hooks';
import { compareSeverity } from '../../severity';
import { PolicyRuleCard } from '../PolicyRuleCard';
import { PolicyVersionsTable } from '../PolicyVersionsTable';

const pointDescriptions: Record<DecisionPoint, string> = {
  catalog: 'Checked whenever the catalog processes an entity.',
  scaffolder: 'Checked before a software template creates a service.',
  deploy: 'Checked before a deploy, promotion or rollback.',
  secrets:
    "Checked before a service's Vault secrets are provisioned or rotated.",
  permission: "Decides Backstage's permission requests.",
};

function CurrentRules() {
  const { value, loading, error, retry } = usePolicyRules();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the policy's rules"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value || value.rules.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="The policy declares no rules"
        description="Rules are declared in the Rego bundle under policies/, one folder per decision point."
      />
    );
  }

  const byPoint = (point: DecisionPoint): PolicyRule[] =>
    value.rules
      .filter(rule => rule.decisionPoint === point)
      .sort(
        (a, b) =>
          compareSeverity(a.severity, b.severity) || a.id.localeCompare(b.id),
      );

  return (
    <Flex direction="column" gap="5">
      <Text color="secondary">
        Revision {shortRevision(value.revision)}, loaded{' '}
        {formatDateTime(value.loadedAt)}
      </Text>
      {DECISION_POINTS.filter(point => byPoint(point).length > 0).map(point => (
        <section key={point} aria-label={`${point} rules`}>
          <Flex direction="column" gap="3">
            <Flex direction="column" gap="1">
              <Text as="h2" variant="title-small">
                {point}
              </Text>
              <Text variant="body-small" color="secondary">
                {pointDescriptions[point]}
              </Text>
            </Flex>
            {byPoint(point).map(rule => (
              <PolicyRuleCard key={rule.id} rule={rule} />
            ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}

function Versions() {
  const { value, loading, error, retry } = usePolicyVersions();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the policy versions"
        error={error}
        onRetry={retry}
      />
    );
  }
  return <PolicyVersionsTable versions={value ?? []} />;
}

/** The rules of the policy now in force, by decision point, and its history. */
export function PolicyBrowser() {
  return (
    <Flex direction="column" gap="5">
      <CurrentRules />
      <Card>
        <CardHeader>
          <Text variant="title-x-small">Versions</Text>
        </CardHeader>
        <CardBody>
          <Versions />
        </CardBody>
      </Card>
    </Flex>
  );
}
