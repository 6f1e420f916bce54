import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { responseError } from '@finops/ui/testUtils';
import {
  cardPayments,
  catalogEntities,
  ledgerApi,
  legacyBatch,
  onboardingWeb,
  service,
} from '../../__testUtils__/fixtures';
import { EntityGoldenPathCard } from './EntityGoldenPathCard';

function renderCard(
  entity: Entity,
  catalogApi = catalogApiMock({ entities: catalogEntities }),
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityGoldenPathCard />
    </EntityProvider>,
    {
      apis: [[catalogApiRef, catalogApi]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The value the card shows for `term`. */
async function field(term: string) {
  const terms = await screen.findAllByRole('term');
  const match = terms.find(t => t.textContent === term);
  return match?.nextElementSibling?.textContent;
}

describe('EntityGoldenPathCard', () => {
  it('shows a service behind, with where to start comparing', async () => {
    renderCard(ledgerApi);

    expect(
      await screen.findByText('2 minor versions behind'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Spring Boot service' }),
    ).toHaveAttribute('href', '/catalog/default/template/spring-boot-service');
    expect(await field('Created from')).toBe('2.1.0');
    expect(await field('Current version')).toBe('2.3.0');
    expect(
      screen.getByText(
        "Compare the template's skeleton since 2.1.0 and apply the changes.",
      ),
    ).toBeInTheDocument();
  });

  it('shows a service on the current version', async () => {
    renderCard(cardPayments);

    expect(await screen.findByText('Current')).toBeInTheDocument();
    expect(
      screen.getByText('Up to date with the current version of the template.'),
    ).toBeInTheDocument();
  });

  it('shows a service ahead of its template', async () => {
    renderCard(onboardingWeb);

    expect(await screen.findByText('Ahead of template')).toBeInTheDocument();
    expect(await field('Current version')).toBe('1.4.2');
  });

  it('cannot compare a service whose template is gone', async () => {
    renderCard(legacyBatch);

    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(await field('Template')).toBe(
      'template:default/cobol-batch (not in the catalog)',
    );
    expect(await field('Current version')).toBe('unknown');
    expect(
      screen.getByText(
        'template:default/cobol-batch is no longer in the catalog, so there is no current version to compare with.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('cannot compare a service that does not record its version', async () => {
    renderCard(
      service('untracked', { from: 'template:default/spring-boot-service' }),
    );

    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(await field('Created from')).toBe('not recorded');
    expect(
      screen.getByText(
        'It does not record which version of the template it was created from: add the finops.io/template-version annotation.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the catalog's message when the template cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'Catalog is starting');
    renderCard(
      ledgerApi,
      catalogApiMock.mock({
        getEntitiesByRefs: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText('Could not load the template'),
    ).toBeInTheDocument();
    expect(screen.getByText('Catalog is starting')).toBeInTheDocument();
  });
});
