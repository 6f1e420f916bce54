import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { policyApiRef } from './api';
import { fakePolicyApi } from './__testUtils__/fakePolicyApi';
import { policyPlugin } from './plugin';

describe('policyPlugin', () => {
  it('adds Compliance to the sidebar, opening on posture with four tabs', async () => {
    renderTestApp({
      features: [policyPlugin],
      apis: [[policyApiRef, fakePolicyApi()]],
      initialRouteEntries: ['/compliance'],
      // Stands in for the catalog plugin, which owns entity pages.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByRole('group', { name: 'Compliant' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'sidebar nav' })).getByRole(
        'link',
        {
          name: 'Compliance',
        },
      ),
    ).toHaveAttribute('href', '/compliance');
    for (const tab of ['Posture', 'Approvals', 'Decision log', 'Policy']) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
  });

  it('puts the Compliance card on the kinds the catalog evaluates', () => {
    const tester = createExtensionTester(
      policyPlugin.getExtension('entity-card:policy/compliance'),
    );
    const shows = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    const entity = (kind: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'x' },
    });

    expect(
      ['Component', 'API', 'Resource', 'System'].map(entity).every(shows),
    ).toBe(true);
    expect(shows(entity('Group'))).toBe(false);
    expect(shows(entity('User'))).toBe(false);
  });
});
