import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { OwnerPosture } from './OwnerPosture';

describe('OwnerPosture', () => {
  it('lists owners with the most non-compliant entities first, linked to their page, bare names too', async () => {
    renderInTestApp(
      <OwnerPosture
        byOwner={[
          {
            owner: 'web',
            entities: 5,
            failing: 0,
            violations: 0,
          },
          {
            owner: 'group:default/payments',
            entities: 12,
            failing: 4,
            violations: 11,
          },
        ]}
      />,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const [, first, second] = await screen.findAllByRole('row');
    expect(within(first).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(within(first).getByText('4 of 12')).toBeInTheDocument();
    expect(within(second).getByText('0 of 5')).toBeInTheDocument();
    expect(within(second).getByRole('link', { name: 'web' })).toHaveAttribute(
      'href',
      '/catalog/default/group/web',
    );
  });
});
