import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import DirectionsIcon from '@material-ui/icons/Directions';
import { isCreatedFromTemplate, isTemplate } from './filters';
import { rootRouteRef } from './routes';

/*
 * The golden-paths plugin's UI: which services are behind the current
 * version of the template they were created from. A Golden paths page in
 * the sidebar for every template, a card on templates with what they
 * created, and a card on components with where they stand. Everything
 * comes from catalog annotations, through the catalog API: there is no
 * backend of its own.
 */

const goldenPathsPage = PageBlueprint.make({
  params: {
    path: '/golden-paths',
    title: 'Golden paths',
    icon: <DirectionsIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/GoldenPathsPage').then(m => <m.GoldenPathsPage />),
  },
});

const templateServicesCard = EntityCardBlueprint.make({
  name: 'template-services',
  params: {
    filter: isTemplate,
    loader: () =>
      import('./components/EntityTemplateServicesCard').then(m => (
        <m.EntityTemplateServicesCard />
      )),
  },
});

const goldenPathCard = EntityCardBlueprint.make({
  name: 'golden-path',
  params: {
    filter: isCreatedFromTemplate,
    loader: () =>
      import('./components/EntityGoldenPathCard').then(m => (
        <m.EntityGoldenPathCard />
      )),
  },
});

export const goldenPathsPlugin = createFrontendPlugin({
  pluginId: 'golden-paths',
  title: 'Golden paths',
  icon: <DirectionsIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [goldenPathsPage, templateServicesCard, goldenPathCard],
});
