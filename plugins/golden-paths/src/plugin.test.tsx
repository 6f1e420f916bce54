import { screen, within } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { cardPayments, springBootTemplate } from './__testUtils__/fixtures';
import { goldenPathsPlugin } from './plugin';

const handWritten = {
  ...cardPayments,
  metadata: { name: 'mainframe-batch', namespace: 'default' },
};

describe('goldenPathsPlugin', () => {
  it('adds Golden paths to the sidebar, at /golden-paths', async () => {
    // Without the catalog plugin there are no entity pages to link to, so
    // the catalog here is empty.
    renderTestApp({
      features: [goldenPathsPlugin],
      apis: [[catalogApiRef, catalogApiMock()], mockApis.identity()],
      initialRouteEntries: ['/golden-paths'],
    });

    expect(
      await screen.findByText('No golden-path templates in the catalog'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'sidebar nav' })).getByRole(
        'link',
        { name: 'Golden paths' },
      ),
    ).toHaveAttribute('href', '/golden-paths');
  });

  it('puts the services card on templates only', () => {
    const shows = createExtensionTester(
      goldenPathsPlugin.getExtension(
        'entity-card:golden-paths/template-services',
      ),
    ).get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(shows(springBootTemplate)).toBe(true);
    expect(shows(cardPayments)).toBe(false);
  });

  it('puts the golden path card on components created from a template only', () => {
    const tester = createExtensionTester(
      goldenPathsPlugin.getExtension('entity-card:golden-paths/golden-path'),
    );
    const shows = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(shows(cardPayments)).toBe(true);
    expect(shows(handWritten)).toBe(false);
    expect(shows(springBootTemplate)).toBe(false);
    expect(shows({ ...cardPayments, kind: 'Resource' })).toBe(false);
    expect(tester.get(coreExtensionData.reactElement)).toBeDefined();
  });
});
