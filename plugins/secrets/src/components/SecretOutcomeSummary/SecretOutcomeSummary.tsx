import type { SecretOutcome } from '@finops/plugin-secrets-common';
import { Alert, Flex, Text } from '@backstage/ui';
import { PolicyViolationList } from '@finops/ui';
import { describeRequest } from '../../requestText';
import { SecretChangesTable } from '../SecretChangesTable';

export type SecretsOperation = 'provision' | 'rotate';

function headline(outcome: SecretOutcome, operation: SecretsOperation) {
  switch (outcome.outcome) {
    case 'planned':
      return {
        status: 'info' as const,
        title: 'Preview: nothing was changed',
        text: 'Provisioning would make the changes below. Existing secrets keep their values; policies and roles are rewritten only where they differ.',
      };
    case 'approval-required':
      return {
        status: 'warning' as const,
        title: "Waits for another owner's approval",
        text: `${
          outcome.request ? `${describeRequest(outcome.request)} is` : 'It is'
        } stored as a request under Requests, with names only. Another owner of this entity approves it; ${
          operation === 'rotate' ? 'the new values are' : 'values are'
        } generated then. Nothing changed in Vault yet.`,
      };
    default:
      return {
        status: 'success' as const,
        title: operation === 'rotate' ? 'Rotated' : 'Provisioned',
        text:
          operation === 'rotate'
            ? 'Vault holds a new version with new generated values; workloads pick it up when they next read it.'
            : 'Vault holds the changes below.',
      };
  }
}

/**
 * What a provisioning or rotation did, would do (a preview) or waits for:
 * a headline, what the finops.secrets policy said, and the change per
 * secret, policy and role.
 */
export function SecretOutcomeSummary(props: {
  outcome: SecretOutcome;
  operation: SecretsOperation;
}) {
  const { outcome, operation } = props;
  const { status, title, text } = headline(outcome, operation);
  return (
    <Flex direction="column" gap="3">
      <Alert status={status} icon title={title} description={text} />
      {outcome.violations.length > 0 && (
        <section aria-label="What the secrets policy said">
          <Text as="h3" variant="title-x-small">
            What the secrets policy said
          </Text>
          <PolicyViolationList
            violations={outcome.violations}
            label="Policy findings"
          />
        </section>
      )}
      {outcome.changes.length > 0 && (
        <SecretChangesTable
          changes={outcome.changes}
          label={outcome.outcome === 'planned' ? 'Planned changes' : 'Changes'}
        />
      )}
      <Text variant="body-x-small" color="secondary">
        Decided by policy revision {outcome.revision}.
      </Text>
    </Flex>
  );
}
