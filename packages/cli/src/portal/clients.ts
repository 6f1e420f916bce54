import { CatalogClient } from '@backstage/catalog-client';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { ScaffolderClient } from '@backstage/plugin-scaffolder-common';
import { HealthApiClient } from '@finops/plugin-health-common';
import { PipelinesApiClient } from '@finops/plugin-pipelines-common';
import { PolicyApiClient } from '@finops/plugin-policy-common';
import { SecretsApiClient } from '@finops/plugin-secrets-common';
import { PortalSession } from './PortalSession';

/** The API clients of the portal's plugins, all through one session. */
export interface PortalClients {
  catalog: CatalogClient;
  scaffolder: ScaffolderClient;
  policy: PolicyApiClient;
  pipelines: PipelinesApiClient;
  secrets: SecretsApiClient;
  health: HealthApiClient;
}

export function createClients(
  session: PortalSession,
  options: { fetchApi?: { fetch: typeof fetch } } = {},
): PortalClients {
  const apis = {
    discoveryApi: session.discoveryApi,
    fetchApi: options.fetchApi ?? session.fetchApi,
  };
  return {
    catalog: new CatalogClient(apis),
    scaffolder: new ScaffolderClient({
      ...apis,
      // Only its integration picker reads these; the CLI never calls it.
      scmIntegrationsApi: ScmIntegrations.fromConfig(new ConfigReader({})),
      // The event-stream variant needs a browser (document, window); the
      // long-polling one is plain fetch.
      useLongPollingLogs: true,
    }),
    policy: new PolicyApiClient(apis),
    pipelines: new PipelinesApiClient(apis),
    secrets: new SecretsApiClient(apis),
    health: new HealthApiClient(apis),
  };
}
