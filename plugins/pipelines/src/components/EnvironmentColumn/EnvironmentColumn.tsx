import type { ReactNode } from 'react';
import type {
  Deployment,
  EnvironmentState,
} from '@finops/plugin-pipelines-common';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Tag,
  TagGroup,
  Text,
} from '@backstage/ui';
import { formatDateTime, shortSha } from '../../format';
import { DeploymentStatusPill } from '../DeploymentStatusPill';

function who(deployment: Deployment): string {
  return deployment.approvedBy
    ? `Triggered by ${deployment.triggeredBy}, approved by ${deployment.approvedBy}`
    : `Triggered by ${deployment.triggeredBy}, no approval recorded`;
}

function Current(props: { deployment: Deployment | null }) {
  const { deployment } = props;
  if (!deployment) {
    return (
      <Text color="secondary">
        Nothing has been deployed here successfully.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="1" aria-label="Current version">
      <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
        <Text variant="title-small" as="span">
          {deployment.version}
        </Text>
        <DeploymentStatusPill status={deployment.status} />
      </Flex>
      <Text variant="body-small" color="secondary">
        <code title={deployment.sha}>{shortSha(deployment.sha)}</code> ·{' '}
        {formatDateTime(deployment.createdAt)}
      </Text>
      <Text variant="body-small">{who(deployment)}</Text>
    </Flex>
  );
}

function HistoryEntry(props: { deployment: Deployment }) {
  const { deployment } = props;
  return (
    <li style={{ padding: 'var(--bui-space-2) 0' }}>
      <Flex direction="column" gap="1">
        <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
          {deployment.url ? (
            <Link
              href={deployment.url}
              target="_blank"
              rel="noopener noreferrer"
            >
              {deployment.version}
            </Link>
          ) : (
            <Text weight="bold">{deployment.version}</Text>
          )}
          <DeploymentStatusPill status={deployment.status} />
          {deployment.rollback && (
            <TagGroup aria-label="Marks">
              <Tag size="small">Rollback</Tag>
            </TagGroup>
          )}
        </Flex>
        <Text variant="body-x-small" color="secondary">
          {formatDateTime(deployment.createdAt)} · {deployment.triggeredBy}
          {deployment.approvedBy
            ? `, approved by ${deployment.approvedBy}`
            : ''}
        </Text>
      </Flex>
    </li>
  );
}

/**
 * One environment: what runs there now, who put it there and when, and
 * what was deployed before, newest first, with rollbacks marked. `actions`
 * (promote, roll back) go at the foot of the card.
 */
export function EnvironmentColumn(props: {
  environment: EnvironmentState;
  actions?: ReactNode;
}) {
  const { environment, actions } = props;
  const history = [...environment.history].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const latest = history[0];
  const latestFailed =
    latest &&
    latest.id !== environment.current?.id &&
    ['failure', 'error'].includes(latest.status);

  return (
    <section aria-label={environment.environment} style={{ minWidth: 0 }}>
      <Card style={{ height: '100%' }}>
        <CardHeader>
          <Text as="h3" variant="title-x-small">
            {environment.environment}
          </Text>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="4">
            <Current deployment={environment.current} />
            {latestFailed && (
              <Text variant="body-small" color="danger">
                The latest deployment, {latest.version}, did not succeed.
              </Text>
            )}
            <Flex direction="column" gap="1">
              <Text variant="body-small" weight="bold">
                History
              </Text>
              {history.length === 0 ? (
                <Text variant="body-small" color="secondary">
                  No deployments recorded.
                </Text>
              ) : (
                <ol
                  aria-label={`${environment.environment} history`}
                  style={{ listStyle: 'none', margin: 0, padding: 0 }}
                >
                  {history.map(deployment => (
                    <HistoryEntry key={deployment.id} deployment={deployment} />
                  ))}
                </ol>
              )}
            </Flex>
          </Flex>
        </CardBody>
        {actions && <CardFooter>{actions}</CardFooter>}
      </Card>
    </section>
  );
}
