import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { responseError } from '@finops/ui/testUtils';
import { catalogEntities } from '../../__testUtils__/fixtures';
import { GoldenPathsPage } from './GoldenPathsPage';

function renderPage(
  catalogApi: ReturnType<typeof catalogApiMock.mock> | undefined = undefined,
  entities: Entity[] = catalogEntities,
) {
  return renderInTestApp(<GoldenPathsPage />, {
    apis: [
      [catalogApiRef, catalogApi ?? catalogApiMock({ entities })],
      mockApis.identity({
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: ['user:default/alice', 'group:default/payments'],
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

const section = (name: string) => screen.getByRole('region', { name });

/** A section's rows, in order, each as its service's name and status. */
function rowsOf(name: string): Array<[string, string]> {
  return within(section(name))
    .getAllByRole('rowheader')
    .map(header => {
      const row = header.closest('[role="row"]')!;
      const cells = row.querySelectorAll('[role="gridcell"], [role="cell"]');
      return [
        within(header).getByRole('link').textContent!,
        cells[cells.length - 1].textContent!,
      ];
    });
}

const serviceNames = (name: string) => rowsOf(name).map(([service]) => service);

describe('GoldenPathsPage', () => {
  it('groups services by template, most behind first, with their status', async () => {
    renderPage();

    expect(
      await screen.findByRole('region', { name: 'Spring Boot service' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '3 templates · 6 services · 3 behind the current version',
      ),
    ).toBeInTheDocument();

    const springBoot = section('Spring Boot service');
    expect(
      within(springBoot).getByRole('link', { name: 'Spring Boot service' }),
    ).toHaveAttribute('href', '/catalog/default/template/spring-boot-service');
    expect(
      within(springBoot).getByText('Current version 2.3.0 · service'),
    ).toBeInTheDocument();
    expect(
      within(springBoot).getByText('3 services · 1 current · 2 behind'),
    ).toBeInTheDocument();
    expect(rowsOf('Spring Boot service')).toEqual([
      ['fx-rates', '1 major version behind'],
      ['ledger-api', '2 minor versions behind'],
      ['card-payments', 'Current'],
    ]);
    const ledgerRow = within(springBoot)
      .getByRole('link', { name: 'ledger-api' })
      .closest('[role="row"]') as HTMLElement;
    expect(within(ledgerRow).getByText('2.1.0')).toBeInTheDocument();
    expect(
      within(ledgerRow).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(
      within(ledgerRow).getByRole('link', { name: 'ledger' }),
    ).toHaveAttribute('href', '/catalog/default/system/ledger');

    expect(
      within(section('React website')).getByText(
        '2 services · 0 current · 1 behind · 1 ahead',
      ),
    ).toBeInTheDocument();
    expect(rowsOf('React website')).toEqual([
      ['statements-web', '2 patch versions behind'],
      ['onboarding-web', 'Ahead of template'],
    ]);

    expect(
      within(section('Kafka consumer')).getByText(
        'No service records that it was created from this template yet.',
      ),
    ).toBeInTheDocument();

    const unknown = section('Unknown template');
    expect(
      within(unknown).getByText('template:default/cobol-batch'),
    ).toBeInTheDocument();
    expect(within(unknown).getByText('not in the catalog')).toBeInTheDocument();
    expect(rowsOf('Unknown template')).toEqual([['legacy-batch', 'Unknown']]);
  });

  it('lists only the services behind with "Only behind"', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'Spring Boot service' });

    await userEvent.click(screen.getByRole('switch', { name: 'Only behind' }));

    expect(serviceNames('Spring Boot service')).toEqual([
      'fx-rates',
      'ledger-api',
    ]);
    expect(serviceNames('React website')).toEqual(['statements-web']);
    expect(
      within(section('Unknown template')).getByText(
        'No service is behind the current version.',
      ),
    ).toBeInTheDocument();
    // The counts still say how many are current.
    expect(
      within(section('Spring Boot service')).getByText(
        '3 services · 1 current · 2 behind',
      ),
    ).toBeInTheDocument();
  });

  it('counts and lists only the user\'s groups\' services with "Only mine"', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'Spring Boot service' });

    await userEvent.click(screen.getByRole('switch', { name: 'Only mine' }));

    expect(serviceNames('Spring Boot service')).toEqual([
      'ledger-api',
      'card-payments',
    ]);
    expect(
      within(section('Spring Boot service')).getByText(
        '2 of your services · 1 current · 1 behind',
      ),
    ).toBeInTheDocument();
    expect(serviceNames('React website')).toEqual(['statements-web']);
    expect(
      within(section('Kafka consumer')).getByText(
        'None of your services were created from this template.',
      ),
    ).toBeInTheDocument();
  });

  it('sorts by a column when its header is chosen', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'Spring Boot service' });

    await userEvent.click(
      within(section('Spring Boot service')).getByRole('columnheader', {
        name: 'Service',
      }),
    );

    expect(serviceNames('Spring Boot service')).toEqual([
      'card-payments',
      'fx-rates',
      'ledger-api',
    ]);
  });

  it('explains an empty catalog', async () => {
    renderPage(undefined, []);

    expect(
      await screen.findByText('No golden-path templates in the catalog'),
    ).toBeInTheDocument();
  });

  it("shows the catalog's message when it cannot be read", async () => {
    const error = await responseError(500, 'Error', 'Catalog is starting');
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn().mockRejectedValue(error),
    });
    renderPage(catalogApi);

    expect(
      await screen.findByText(
        'Could not load the golden paths from the catalog',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Catalog is starting')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
