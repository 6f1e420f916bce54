import { EmptyState, Progress } from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Grid, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import { shortRevision } from '../../format';
import { usePosture } from '../../hooks';
import { FrameworkPosture } from '../FrameworkPosture';
import { OwnerPosture } from '../OwnerPosture';
import { PostureTotals } from '../PostureTotals';
import { PostureTrendChart } from '../PostureTrendChart';

/** A month shows whether remediation keeps up without drowning in noise. */
export const TREND_DAYS = 30;

function Section(props: { title: string; children: JSX.Element }) {
  return (
    <Card>
      <CardHeader>
        <Text variant="title-x-small">{props.title}</Text>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

/** The catalog's compliance: totals, by framework, by owner, and the trend. */
export function PostureOverview() {
  const { value, loading, error, retry } = usePosture(TREND_DAYS);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the compliance posture"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value || value.entities.total === 0) {
    return (
      <EmptyState
        missing="data"
        title="No entity has been evaluated yet"
        description="The catalog checks every component, API, resource and system against the policy as it processes them. Results appear here after the first catalog refresh."
      />
    );
  }

  return (
    <Flex direction="column" gap="4">
      {value.revision && (
        <Text variant="body-small" color="secondary">
          Policy revision {shortRevision(value.revision)}
        </Text>
      )}
      <PostureTotals entities={value.entities} />
      <Section title={`Trend over the last ${TREND_DAYS} days`}>
        <PostureTrendChart trend={value.trend} />
      </Section>
      <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
        <Section title="By framework">
          <FrameworkPosture byFramework={value.byFramework} />
        </Section>
        <Section title="By owner">
          <OwnerPosture byOwner={value.byOwner} />
        </Section>
      </Grid.Root>
    </Flex>
  );
}
