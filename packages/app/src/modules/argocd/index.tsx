import {
  ApiBlueprint,
  configApiRef,
  createFrontendModule,
  discoveryApiRef,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import { compatWrapper } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  ArgoCDApiClient,
  argoCDApiRef,
} from '@roadiehq/backstage-plugin-argo-cd';

/*
 * Argo CD on the entity page. The Roadie plugin's own frontend-system
 * entry is built against an older framework release than ours, so we mount
 * its classic cards through the compatibility layer instead (and exclude
 * the package from discovery in app-config.yaml).
 */

const argoCdApi = ApiBlueprint.make({
  name: 'argocd',
  params: defineParams =>
    defineParams({
      api: argoCDApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        identityApi: identityApiRef,
        configApi: configApiRef,
      },
      factory: ({ discoveryApi, identityApi, configApi }) =>
        new ArgoCDApiClient({
          discoveryApi,
          identityApi,
          backendBaseUrl: configApi.getString('backend.baseUrl'),
          useNamespacedApps:
            configApi.getOptionalBoolean('argocd.namespacedApps') ?? false,
          searchInstances: true,
        }),
    }),
});

const argoCdEntityContent = EntityContentBlueprint.make({
  name: 'argocd',
  params: {
    path: '/argocd',
    title: 'Argo CD',
    filter: {
      $any: [
        { 'metadata.annotations.argocd/app-name': { $exists: true } },
        { 'metadata.annotations.argocd/app-selector': { $exists: true } },
      ],
    },
    loader: () =>
      import('./ArgoCdContent').then(m => compatWrapper(<m.ArgoCdContent />)),
  },
});

export const argoCdModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [argoCdApi, argoCdEntityContent],
});
