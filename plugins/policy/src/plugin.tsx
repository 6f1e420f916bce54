import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { PolicyClient, policyApiRef } from './api';
import { rootRouteRef } from './routes';

/*
 * The policy plugin's UI: a Compliance card and tab on the entities the
 * catalog checks against the policy, and a Compliance page for the whole
 * catalog (posture, approvals, decision log, rules), in the sidebar.
 */

/** The kinds the catalog module evaluates with finops.catalog. */
const evaluatedKinds = {
  kind: { $in: ['component', 'api', 'resource', 'system'] },
};

const policyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: policyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PolicyClient({ discoveryApi, fetchApi }),
    }),
});

const complianceCard = EntityCardBlueprint.make({
  name: 'compliance',
  params: {
    filter: evaluatedKinds,
    loader: () =>
      import('./components/EntityComplianceCard').then(m => (
        <m.EntityComplianceCard />
      )),
  },
});

const complianceContent = EntityContentBlueprint.make({
  name: 'compliance',
  params: {
    path: '/compliance',
    title: 'Compliance',
    filter: evaluatedKinds,
    loader: () =>
      import('./components/EntityComplianceContent').then(m => (
        <m.EntityComplianceContent />
      )),
  },
});

const compliancePage = PageBlueprint.make({
  params: {
    path: '/compliance',
    title: 'Compliance',
    icon: <VerifiedUserIcon />,
    routeRef: rootRouteRef,
  },
});

const postureSubPage = SubPageBlueprint.make({
  name: 'posture',
  params: {
    path: 'posture',
    title: 'Posture',
    loader: () =>
      import('./components/PostureOverview').then(m => <m.PostureOverview />),
  },
});

const approvalsSubPage = SubPageBlueprint.make({
  name: 'approvals',
  params: {
    path: 'approvals',
    title: 'Approvals',
    loader: () =>
      import('./components/ApprovalsQueue').then(m => <m.ApprovalsQueue />),
  },
});

const decisionLogSubPage = SubPageBlueprint.make({
  name: 'decisions',
  params: {
    path: 'decisions',
    title: 'Decision log',
    loader: () =>
      import('./components/DecisionLog').then(m => <m.DecisionLog />),
  },
});

const rulesSubPage = SubPageBlueprint.make({
  name: 'rules',
  params: {
    path: 'rules',
    title: 'Policy',
    loader: () =>
      import('./components/PolicyBrowser').then(m => <m.PolicyBrowser />),
  },
});

export const policyPlugin = createFrontendPlugin({
  pluginId: 'policy',
  title: 'Compliance',
  icon: <VerifiedUserIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    policyApi,
    complianceCard,
    complianceContent,
    compliancePage,
    postureSubPage,
    approvalsSubPage,
    decisionLogSubPage,
    rulesSubPage,
  ],
});
