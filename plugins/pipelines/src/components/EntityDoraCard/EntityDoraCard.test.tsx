import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import {
  cardPaymentsEntity,
  cardPaymentsRef,
  doraMetrics,
} from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { EntityDoraCard } from './EntityDoraCard';

const DAY_MS = 24 * 60 * 60 * 1000;

function renderCard(api: PipelinesApi) {
  return renderInTestApp(
    <EntityProvider entity={cardPaymentsEntity}>
      <EntityDoraCard />
    </EntityProvider>,
    {
      apis: [[pipelinesApiRef, api]],
      mountedRoutes: { '/dora': rootRouteRef },
    },
  );
}

describe('EntityDoraCard', () => {
  it("rates the entity's last 30 days and links to the Delivery page", async () => {
    const api = fakePipelinesApi();
    renderCard(api);

    const frequency = await screen.findByRole('group', {
      name: 'Deployment frequency',
    });
    expect(within(frequency).getByText('1.5 per day')).toBeVisible();
    expect(within(frequency).getByText('Elite')).toBeVisible();
    expect(
      within(
        screen.getByRole('group', { name: 'Change failure rate' }),
      ).getByText('20%'),
    ).toBeVisible();
    expect(
      screen.getByRole('img', { name: /45 production deployments/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Compare teams and systems' }),
    ).toHaveAttribute('href', '/dora');

    const query = api.getDoraMetrics.mock.calls[0][0] as {
      entityRef: string;
      from: string;
      to: string;
    };
    expect(query.entityRef).toBe(cardPaymentsRef);
    expect(Date.parse(query.to) - Date.parse(query.from)).toBe(30 * DAY_MS);
  });

  it('explains an entity that has not deployed to production', async () => {
    renderCard(
      fakePipelinesApi({
        getDoraMetrics: async () =>
          doraMetrics({
            deploymentFrequency: { deployments: 0, perDay: 0 },
            leadTimeForChanges: { samples: 0, medianHours: null },
            changeFailureRate: { failed: 0, total: 0, rate: null },
            timeToRestore: { samples: 0, medianHours: null },
            weekly: [],
          }),
      }),
    );

    expect(
      await screen.findByText(/No production deployments in the last 30 days/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Elite')).not.toBeInTheDocument();
  });

  it("shows the server's message when loading fails", async () => {
    const error = await responseError(400, 'InputError', 'Range too long');
    renderCard(
      fakePipelinesApi({
        getDoraMetrics: async () => {
          throw error;
        },
      }),
    );

    expect(await screen.findByText('Range too long')).toBeInTheDocument();
  });
});
