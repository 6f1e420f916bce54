import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import FavoriteIcon from '@material-ui/icons/Favorite';
import { HealthClient, healthApiRef } from './api';
import { hasHealth } from './filters';
import { rootRouteRef } from './routes';

/*
 * The health plugin's UI: a Health tab and an overview card on services,
 * websites and entities that name their Prometheus series or declare SLOs,
 * and a Health page in the sidebar with the status of a team's or a
 * system's components. Everything comes from the health backend, which
 * asks Prometheus, Alertmanager and Grafana; each of them degrades on its
 * own.
 */

const healthApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: healthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HealthClient({ discoveryApi, fetchApi }),
    }),
});

const healthContent = EntityContentBlueprint.make({
  params: {
    path: '/health',
    title: 'Health',
    filter: hasHealth,
    loader: () =>
      import('./components/EntityHealthContent').then(m => (
        <m.EntityHealthContent />
      )),
  },
});

const healthCard = EntityCardBlueprint.make({
  params: {
    filter: hasHealth,
    loader: () =>
      import('./components/EntityHealthCard').then(m => <m.EntityHealthCard />),
  },
});

const healthPage = PageBlueprint.make({
  params: {
    path: '/health',
    title: 'Health',
    icon: <FavoriteIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/HealthPage').then(m => <m.HealthPage />),
  },
});

export const healthPlugin = createFrontendPlugin({
  pluginId: 'health',
  title: 'Health',
  icon: <FavoriteIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [healthApi, healthContent, healthCard, healthPage],
});
