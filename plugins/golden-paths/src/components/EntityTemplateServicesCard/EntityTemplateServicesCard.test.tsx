import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  catalogEntities,
  kafkaConsumerTemplate,
  service,
  springBootTemplate,
  template,
} from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import {
  BEHIND_LISTED,
  EntityTemplateServicesCard,
} from './EntityTemplateServicesCard';

function renderCard(entity: Entity, entities: Entity[] = catalogEntities) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityTemplateServicesCard />
    </EntityProvider>,
    {
      apis: [[catalogApiRef, catalogApiMock({ entities })]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/golden-paths': rootRouteRef,
      },
    },
  );
}

describe('EntityTemplateServicesCard', () => {
  it("counts the template's services by status and lists those behind", async () => {
    renderCard(springBootTemplate);

    const counts = await screen.findByRole('list', {
      name: 'Services by status',
    });
    expect(
      within(counts).getByRole('listitem', { name: '1 major behind' }),
    ).toBeInTheDocument();
    expect(
      within(counts).getByRole('listitem', { name: '1 minor behind' }),
    ).toBeInTheDocument();
    expect(
      within(counts).getByRole('listitem', { name: '0 patch behind' }),
    ).toBeInTheDocument();
    expect(
      within(counts).getByRole('listitem', { name: '1 current' }),
    ).toBeInTheDocument();
    expect(
      within(counts).queryByRole('listitem', { name: /ahead/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Current version 2.3.0')).toBeInTheDocument();

    const behind = screen.getByRole('list', { name: 'Services behind' });
    const items = within(behind).getAllByRole('listitem');
    expect(
      items.map(item => within(item).getByRole('link').textContent),
    ).toEqual(['fx-rates', 'ledger-api']);
    expect(
      within(items[0]).getByText('created from 1.8.0'),
    ).toBeInTheDocument();
    expect(
      within(items[0]).getByText('1 major version behind'),
    ).toBeInTheDocument();
    expect(
      within(items[1]).getByText('2 minor versions behind'),
    ).toBeInTheDocument();
    expect(within(items[1]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-api',
    );
    expect(
      screen.getByRole('link', { name: 'All golden paths' }),
    ).toHaveAttribute('href', '/golden-paths');
  });

  it('says so when nothing was created from the template yet', async () => {
    renderCard(kafkaConsumerTemplate);

    expect(
      await screen.findByText(
        'No service records that it was created from this template yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Services by status' }),
    ).not.toBeInTheDocument();
  });

  it('says every service is current when none is behind', async () => {
    const docs = template('docs-site', { version: '1.0.0' });
    renderCard(docs, [
      docs,
      service('payments-docs', {
        from: 'template:default/docs-site',
        version: '1.0',
      }),
    ]);

    expect(
      await screen.findByText('No service is behind the current version.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('listitem', { name: '1 current' }),
    ).toBeInTheDocument();
  });

  it(`lists the first ${BEHIND_LISTED} services behind and how many more`, async () => {
    const busy = template('busy', { version: '3.0.0' });
    const services = Array.from({ length: BEHIND_LISTED + 2 }, (_, i) =>
      service(`svc-${String(i).padStart(2, '0')}`, {
        from: 'template:default/busy',
        version: '2.0.0',
      }),
    );
    renderCard(busy, [busy, ...services]);

    const behind = await screen.findByRole('list', { name: 'Services behind' });
    expect(within(behind).getAllByRole('listitem')).toHaveLength(BEHIND_LISTED);
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
  });

  it('explains a template that declares no version', async () => {
    const unversioned = template('unversioned');
    renderCard(unversioned, [
      unversioned,
      service('old-service', {
        from: 'template:default/unversioned',
        version: '1.0.0',
      }),
    ]);

    expect(
      await screen.findByText(
        'This template declares no MAJOR.MINOR.PATCH version in finops.io/template-version, so services cannot be compared with it.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('listitem', { name: '1 unknown' }),
    ).toBeInTheDocument();
  });
});
