import type { PolicyRule } from '@finops/plugin-policy-common';
import { CodeSnippet } from '@backstage/core-components';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { FrameworkBadges } from '../FrameworkBadges';
import { SeverityChip } from '../SeverityChip';
import { StatusPill } from '@finops/ui';

/** One rule: what it asks, how bad breaking it is, and its Rego. */
export function PolicyRuleCard(props: { rule: PolicyRule }) {
  const { rule } = props;
  return (
    <Card role="region" aria-label={rule.id}>
      <CardHeader>
        <Flex justify="between" align="start" gap="3">
          <Flex direction="column" gap="1">
            <Text variant="title-x-small">{rule.title}</Text>
            <Text variant="body-small" color="secondary">
              {rule.id}
            </Text>
          </Flex>
          <Flex gap="2" align="center">
            <SeverityChip severity={rule.severity} />
            {rule.enforcing ? (
              <StatusPill tone="danger">Enforcing</StatusPill>
            ) : (
              <StatusPill tone="neutral">Advisory</StatusPill>
            )}
          </Flex>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <FrameworkBadges frameworks={rule.frameworks} />
          <Text variant="body-small">
            <strong>Remediation:</strong> {rule.remediation}
          </Text>
          {rule.source ? (
            <Accordion>
              <AccordionTrigger title="Rego source" />
              <AccordionPanel>
                <CodeSnippet
                  text={rule.source}
                  language="rego"
                  showCopyCodeButton
                />
              </AccordionPanel>
            </Accordion>
          ) : (
            <Text variant="body-small" color="secondary">
              The policy bundle carries no source for this rule.
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
