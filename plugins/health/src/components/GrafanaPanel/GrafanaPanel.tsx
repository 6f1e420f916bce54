import type { Panel } from '@finops/plugin-health-common';
import { Card, CardBody, Flex, Link, Text } from '@backstage/ui';

/** "Checkout latency", or which panel of which dashboard it is. */
function panelTitle(panel: Panel): string {
  return panel.title ?? `Panel ${panel.panelId} of ${panel.dashboardUid}`;
}

/**
 * A Grafana panel embedded in place (Grafana's d-solo view). Sandboxed:
 * the panel runs its scripts against Grafana's origin, to draw and to use
 * the viewer's Grafana session, but cannot navigate the portal or open
 * windows. Loaded only when scrolled to, as each panel runs queries.
 */
export function GrafanaPanel(props: { panel: Panel }) {
  const { panel } = props;
  const title = panelTitle(panel);
  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="2">
          <Flex justify="between" align="center" gap="2">
            <Text variant="title-x-small">{title}</Text>
            <Link
              href={panel.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${title} in Grafana (opens in a new tab)`}
            >
              Open in Grafana
            </Link>
          </Flex>
          <iframe
            src={panel.embedUrl}
            title={title}
            sandbox="allow-scripts allow-same-origin"
            loading="lazy"
            referrerPolicy="no-referrer"
            style={{
              width: '100%',
              height: 240,
              border: 0,
              borderRadius: 'var(--bui-radius-2)',
            }}
          />
        </Flex>
      </CardBody>
    </Card>
  );
}
