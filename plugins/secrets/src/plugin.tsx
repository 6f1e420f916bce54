import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import { SecretsClient, secretsApiRef } from './api';
import { hasSecrets } from './filters';

/*
 * The secrets plugin's UI: a Secrets tab on services, websites and entities
 * that name their Vault paths. It shows what exists in Vault (never a
 * value), how old it is and what may read it, and provisions, rotates and
 * approves through the secrets backend.
 */

const secretsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: secretsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecretsClient({ discoveryApi, fetchApi }),
    }),
});

const secretsContent = EntityContentBlueprint.make({
  params: {
    path: '/secrets',
    title: 'Secrets',
    filter: hasSecrets,
    loader: () =>
      import('./components/EntitySecretsContent').then(m => (
        <m.EntitySecretsContent />
      )),
  },
});

export const secretsPlugin = createFrontendPlugin({
  pluginId: 'secrets',
  title: 'Secrets',
  icon: <VpnKeyIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [secretsApi, secretsContent],
});
