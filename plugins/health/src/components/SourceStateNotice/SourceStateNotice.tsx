import type {
  SourceState,
  SourceStateSourceEnum,
} from '@finops/plugin-health-common';
import { Alert, Flex, Text } from '@backstage/ui';

const SOURCES: Record<
  SourceStateSourceEnum,
  { name: string; configKey: string; feeds: string }
> = {
  prometheus: {
    name: 'Prometheus',
    configKey: 'health.prometheus',
    feeds: 'golden signals and SLOs',
  },
  alertmanager: {
    name: 'Alertmanager',
    configKey: 'health.alertmanager',
    feeds: 'alerts and silences',
  },
  grafana: {
    name: 'Grafana',
    configKey: 'health.grafana',
    feeds: 'dashboards, panels and alert rules',
  },
};

/** "Prometheus main", or "Prometheus" when the instance has no name. */
function sourceName(state: SourceState): string {
  const { name } = SOURCES[state.source];
  return state.instance ? `${name} ${state.instance}` : name;
}

/**
 * Why a section has nothing (or not everything) to show when its source
 * did not answer as it should: not configured is information (say which
 * config key to set), unreachable or failing is a warning in the backend's
 * words. Nothing when the source answered. Only this section says so; the
 * tab's other sections come from other sources and still show.
 */
export function SourceStateNotice(props: { source: SourceState }) {
  const { source } = props;
  const { name, configKey, feeds } = SOURCES[source.source];
  if (source.state === 'ok') {
    return null;
  }
  if (source.state === 'not-configured') {
    return (
      <Alert
        status="info"
        icon
        title={`${name} is not configured`}
        description={
          <Flex direction="column" gap="1">
            {source.message && <Text as="p">{source.message}</Text>}
            <Text as="p">
              Set <code>{configKey}</code> in the app-config to see {feeds}{' '}
              here; the rest of this tab works without it.
            </Text>
          </Flex>
        }
      />
    );
  }
  return (
    <Alert
      status="warning"
      icon
      title={
        source.state === 'unreachable'
          ? `${sourceName(source)} did not answer`
          : `${sourceName(source)} answered with an error`
      }
      description={
        source.message ??
        `The ${feeds} of this entity cannot be shown until it answers.`
      }
    />
  );
}
