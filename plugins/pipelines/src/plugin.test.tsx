import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { pipelinesApiRef } from './api';
import { fakePipelinesApi } from './__testUtils__/fakePipelinesApi';
import { cardPaymentsEntity } from './__testUtils__/fixtures';
import { pipelinesPlugin } from './plugin';

const withoutRepository: Entity = {
  ...cardPaymentsEntity,
  metadata: { name: 'mainframe-batch', namespace: 'default' },
};

const githubSystem: Entity = {
  ...cardPaymentsEntity,
  kind: 'System',
};

describe('pipelinesPlugin', () => {
  it('adds Delivery to the sidebar, asking whose delivery to show', async () => {
    renderTestApp({
      features: [pipelinesPlugin],
      apis: [
        [pipelinesApiRef, fakePipelinesApi()],
        [catalogApiRef, catalogApiMock()],
      ],
      initialRouteEntries: ['/dora'],
    });

    expect(await screen.findByText('Whose delivery?')).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'sidebar nav' })).getByRole(
        'link',
        { name: 'Delivery' },
      ),
    ).toHaveAttribute('href', '/dora');
  });

  it.each([
    ['entity-content:pipelines/ci-cd', EntityContentBlueprint],
    ['entity-content:pipelines/deployments', EntityContentBlueprint],
    ['entity-card:pipelines/dora', EntityCardBlueprint],
  ] as const)(
    'shows %s only on components with a GitHub repository',
    (id, blueprint) => {
      const tester = createExtensionTester(pipelinesPlugin.getExtension(id));
      const shows = tester.get(blueprint.dataRefs.filterFunction)!;

      expect(shows(cardPaymentsEntity)).toBe(true);
      expect(shows(withoutRepository)).toBe(false);
      expect(shows(githubSystem)).toBe(false);
    },
  );

  it('puts the tabs at /ci-cd and /deployments', () => {
    const pathOf = (
      id:
        | 'entity-content:pipelines/ci-cd'
        | 'entity-content:pipelines/deployments',
    ) =>
      createExtensionTester(pipelinesPlugin.getExtension(id)).get(
        coreExtensionData.routePath,
      );

    expect(pathOf('entity-content:pipelines/ci-cd')).toBe('/ci-cd');
    expect(pathOf('entity-content:pipelines/deployments')).toBe('/deployments');
  });
});
