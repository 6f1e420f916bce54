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
import TimelineIcon from '@material-ui/icons/Timeline';
import { PipelinesClient, pipelinesApiRef } from './api';
import { hasGithubRepository } from './filters';
import { rootRouteRef } from './routes';

/*
 * The pipelines plugin's UI: a CI/CD tab (workflow runs, their jobs and
 * artifacts), a Deployments tab (environments side by side) and a DORA card
 * on components with a GitHub repository, and a Delivery page in the
 * sidebar with DORA metrics by team or system.
 */

const pipelinesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: pipelinesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PipelinesClient({ discoveryApi, fetchApi }),
    }),
});

const ciCdContent = EntityContentBlueprint.make({
  name: 'ci-cd',
  params: {
    path: '/ci-cd',
    title: 'CI/CD',
    filter: hasGithubRepository,
    loader: () =>
      import('./components/EntityCiCdContent').then(m => (
        <m.EntityCiCdContent />
      )),
  },
});

const deploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    filter: hasGithubRepository,
    loader: () =>
      import('./components/EntityDeploymentsContent').then(m => (
        <m.EntityDeploymentsContent />
      )),
  },
});

const doraCard = EntityCardBlueprint.make({
  name: 'dora',
  params: {
    filter: hasGithubRepository,
    loader: () =>
      import('./components/EntityDoraCard').then(m => <m.EntityDoraCard />),
  },
});

const deliveryPage = PageBlueprint.make({
  params: {
    path: '/dora',
    title: 'Delivery',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DeliveryPage').then(m => <m.DeliveryPage />),
  },
});

export const pipelinesPlugin = createFrontendPlugin({
  pluginId: 'pipelines',
  title: 'Delivery',
  icon: <TimelineIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    pipelinesApi,
    ciCdContent,
    deploymentsContent,
    doraCard,
    deliveryPage,
  ],
});
