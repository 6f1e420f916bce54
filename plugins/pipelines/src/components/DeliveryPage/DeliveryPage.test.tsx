import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import { doraMetrics } from '../../__testUtils__/fixtures';
import { DeliveryPage } from './DeliveryPage';

const DAY_MS = 24 * 60 * 60 * 1000;

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'ledger', namespace: 'default', title: 'Ledger' },
    spec: { owner: 'group:default/payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'card-payments', namespace: 'default' },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  },
];

function renderPage(api: PipelinesApi) {
  return renderInTestApp(<DeliveryPage />, {
    apis: [
      [pipelinesApiRef, api],
      [catalogApiRef, catalogApiMock({ entities })],
    ],
  });
}

async function pick(name: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: /Team or system/ }),
  );
  await userEvent.click(await screen.findByRole('option', { name }));
}

describe('DeliveryPage', () => {
  it("shows a team's metrics over the range picked", async () => {
    const api = fakePipelinesApi();
    renderPage(api);

    expect(await screen.findByText('Whose delivery?')).toBeInTheDocument();
    expect(api.getDoraMetrics).not.toHaveBeenCalled();

    await pick('Payments');
    const frequency = await screen.findByRole('group', {
      name: 'Deployment frequency',
    });
    expect(within(frequency).getByText('1.5 per day')).toBeVisible();
    expect(within(frequency).getByText('Elite')).toBeVisible();
    expect(
      screen.getByRole('img', { name: /45 production deployments/ }),
    ).toBeInTheDocument();
    const first = api.getDoraMetrics.mock.calls[0][0] as {
      owner: string;
      from: string;
      to: string;
    };
    expect(first.owner).toBe('group:default/payments');
    expect(Date.parse(first.to) - Date.parse(first.from)).toBe(90 * DAY_MS);

    await userEvent.click(screen.getByRole('radio', { name: '365 days' }));
    await screen.findByRole('group', { name: 'Deployment frequency' });
    const last = api.getDoraMetrics.mock.lastCall![0] as {
      from: string;
      to: string;
    };
    expect(Date.parse(last.to) - Date.parse(last.from)).toBe(365 * DAY_MS);
  });

  it('asks about a system by its ref', async () => {
    const api = fakePipelinesApi();
    renderPage(api);

    await pick('Ledger');

    await screen.findByRole('group', { name: 'Deployment frequency' });
    expect(api.getDoraMetrics).toHaveBeenCalledWith(
      expect.objectContaining({ system: 'system:default/ledger' }),
    );
  });

  it('says so when the team has not deployed to production', async () => {
    renderPage(
      fakePipelinesApi({
        getDoraMetrics: async () =>
          doraMetrics({ deploymentFrequency: { deployments: 0, perDay: 0 } }),
      }),
    );

    await pick('Payments');

    expect(
      await screen.findByText(
        'Payments has not deployed to production in the last 90 days',
      ),
    ).toBeInTheDocument();
  });

  it("shows the server's message when the metrics cannot be loaded", async () => {
    const error = await responseError(
      400,
      'InputError',
      'The range may span at most 366 days',
    );
    renderPage(
      fakePipelinesApi({
        getDoraMetrics: async () => {
          throw error;
        },
      }),
    );

    await pick('Payments');

    expect(
      await screen.findByText('The range may span at most 366 days'),
    ).toBeInTheDocument();
  });
});
