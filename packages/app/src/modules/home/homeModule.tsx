import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Welcome to the FinOps Platform

Self-service for building and running regulated financial services, with the
guardrails built in.

- **Find software** in the [catalog](/catalog): services, APIs, systems,
  teams, their docs and where they run.
- **Create a service** from a [golden-path template](/create) that comes out
  building, tested, scanned, documented and compliant.
- **Register an existing service** by [importing](/catalog-import) its
  \`catalog-info.yaml\`.
- **Read the docs** of every service in [TechDocs](/docs), including the
  [platform's own](/docs/default/component/finops-platform).
- **Explore the APIs** other teams offer in the [API catalog](/api-docs).
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'FinOps Platform',
    description: 'What the platform offers and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
