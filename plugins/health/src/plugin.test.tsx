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
import { healthApiRef } from './api';
import { fakeHealthApi } from './__testUtils__/fakeHealthApi';
import { cardPaymentsEntity } from './__testUtils__/fixtures';
import { healthPlugin } from './plugin';

function entity(
  kind: string,
  type: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    ...cardPaymentsEntity,
    kind,
    metadata: { ...cardPaymentsEntity.metadata, annotations },
    spec: { ...cardPaymentsEntity.spec, type },
  };
}

describe('healthPlugin', () => {
  it('adds Health to the sidebar, asking whose health to show', async () => {
    renderTestApp({
      features: [healthPlugin],
      apis: [
        [healthApiRef, fakeHealthApi()],
        [catalogApiRef, catalogApiMock()],
      ],
      initialRouteEntries: ['/health'],
    });

    expect(await screen.findByText('Whose health?')).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'sidebar nav' })).getByRole(
        'link',
        { name: 'Health' },
      ),
    ).toHaveAttribute('href', '/health');
  });

  it('puts the Health tab at /health', () => {
    const tester = createExtensionTester(
      healthPlugin.getExtension('entity-content:health'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/health');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Health');
  });

  it.each([
    ['a service', true, entity('Component', 'service')],
    ['a website', true, entity('Component', 'website')],
    ['a library', false, entity('Component', 'library')],
    ['a system', false, entity('System', 'service')],
    [
      'a library naming its Prometheus series',
      true,
      entity('Component', 'library', {
        'finops.io/prometheus-selector': 'app="batch"',
      }),
    ],
    [
      'a resource with an availability SLO',
      true,
      entity('Resource', 'database', { 'finops.io/slo-availability': '99.9' }),
    ],
    [
      'an API with a latency SLO',
      true,
      entity('API', 'openapi', { 'finops.io/slo-latency': '99% < 250ms' }),
    ],
    [
      'a library with only an SLO window',
      false,
      entity('Component', 'library', { 'finops.io/slo-window': '28d' }),
    ],
  ])('on %s, shows the tab and the card: %s', (_what, shown, subject) => {
    const tab = createExtensionTester(
      healthPlugin.getExtension('entity-content:health'),
    ).get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const card = createExtensionTester(
      healthPlugin.getExtension('entity-card:health'),
    ).get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(tab(subject)).toBe(shown);
    expect(card(subject)).toBe(shown);
  });
});
