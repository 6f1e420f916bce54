import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  pipelinesDeployApprovePermission,
  pipelinesDeployPermission,
} from '@finops/plugin-pipelines-common';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import {
  cardPaymentsEntity,
  cardPaymentsRef,
  deployRequest,
  deployment,
  environment,
} from '../../__testUtils__/fixtures';
import {
  entityOfItsOwn,
  testPermissions,
} from '../../__testUtils__/permissions';
import { EntityDeploymentsContent } from './EntityDeploymentsContent';

function renderTab(
  api: PipelinesApi,
  options: {
    entity?: Entity;
    permissions?: ReturnType<typeof testPermissions>['api'];
  } = {},
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? cardPaymentsEntity}>
      <EntityDeploymentsContent />
    </EntityProvider>,
    {
      apis: [
        [pipelinesApiRef, api],
        mockApis.identity({ userEntityRef: 'user:default/carol' }),
        options.permissions ?? testPermissions().api,
      ],
    },
  );
}

describe('EntityDeploymentsContent', () => {
  it('shows the environments in promotion order with what runs in each', async () => {
    const api = fakePipelinesApi({
      listEnvironments: jest.fn(async () => [
        environment('production', [deployment({ version: 'v1.4.0' })]),
        environment('dr-site', [
          deployment({ id: 'd-9', environment: 'dr-site', version: 'v1.2.0' }),
        ]),
        environment('staging', [
          deployment({ id: 'd-5', environment: 'staging', version: 'v1.5.0' }),
        ]),
        environment('dev', [
          deployment({
            id: 'd-7',
            environment: 'dev',
            version: 'main-9f8e7d6',
            approvedBy: null,
          }),
        ]),
      ]),
    });
    renderTab(api);

    const columns = within(
      await screen.findByRole('group', { name: 'Environments' }),
    ).getAllByRole('region');
    expect(api.listEnvironments).toHaveBeenCalledWith(cardPaymentsRef, {
      historyLimit: 10,
    });
    expect(columns.map(c => c.getAttribute('aria-label'))).toEqual([
      'dev',
      'staging',
      'dr-site',
      'production',
    ]);
    expect(
      within(columns[1]).getByLabelText('Current version'),
    ).toHaveTextContent('v1.5.0');
    expect(
      within(columns[0]).getByText('Triggered by alice, no approval recorded'),
    ).toBeInTheDocument();
  });

  it('offers a promotion where the next environment runs something else, and a roll-back where an older version succeeded', async () => {
    renderTab(
      fakePipelinesApi({
        listEnvironments: jest.fn(async () => [
          environment('dev', [
            deployment({ id: 'd-3', environment: 'dev', version: 'v1.5.0' }),
          ]),
          environment('staging', [
            deployment({
              id: 'd-2',
              environment: 'staging',
              version: 'v1.5.0',
            }),
          ]),
          environment('production', [
            deployment({
              id: 'd-1',
              version: 'v1.4.0',
              createdAt: '2026-06-02T10:00:00Z',
            }),
            deployment({
              id: 'd-0',
              version: 'v1.3.0',
              createdAt: '2026-05-20T10:00:00Z',
            }),
          ]),
        ]),
      }),
    );

    const column = async (name: string) =>
      within(await screen.findByRole('region', { name }));
    // dev and staging run the same version: nothing to promote.
    expect((await column('dev')).queryByRole('button')).not.toBeInTheDocument();
    expect(
      (await column('staging')).getByRole('button', {
        name: 'Promote to production',
      }),
    ).toBeInTheDocument();
    expect(
      (await column('staging')).queryByRole('button', { name: /Roll back/ }),
    ).not.toBeInTheDocument();
    const production = await column('production');
    expect(
      production.getByRole('button', { name: 'Roll back production' }),
    ).toBeInTheDocument();
    expect(
      production.queryByRole('button', { name: /Promote/ }),
    ).not.toBeInTheDocument();
  });

  it('checks a promotion with the policy, requests it and refreshes the tab', async () => {
    const api = fakePipelinesApi({
      listEnvironments: jest.fn(async () => [
        environment('staging', [
          deployment({ id: 'd-2', environment: 'staging', version: 'v1.5.0' }),
        ]),
        environment('production', [deployment({ version: 'v1.4.0' })]),
      ]),
      listDeployRequests: jest
        .fn()
        .mockResolvedValueOnce([])
        .mockResolvedValue([deployRequest({ status: 'pending' })]),
      requestDeploy: jest.fn(async () => deployRequest({ status: 'pending' })),
    });
    renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote to production' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Runs now')).toBeInTheDocument();
    expect(api.checkDeploy).toHaveBeenCalledWith({
      entityRef: cardPaymentsRef,
      action: 'promote',
      environment: 'production',
      version: 'v1.5.0',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    expect(
      await within(dialog).findByText(
        'Pending approval: Promote v1.5.0 to production',
      ),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    const requests = await screen.findByRole('region', {
      name: 'Deploy requests',
    });
    expect(
      await within(requests).findByText('Pending approval'),
    ).toBeInTheDocument();
    expect(api.listDeployRequests).toHaveBeenCalledTimes(2);
    expect(api.listDeployRequests).toHaveBeenCalledWith({
      entityRef: cardPaymentsRef,
      limit: 50,
    });
    expect(api.listEnvironments).toHaveBeenCalledTimes(2);
  });

  it('explains where deployments come from when there are none', async () => {
    renderTab(fakePipelinesApi({ listEnvironments: async () => [] }));

    expect(await screen.findByText('No deployments yet')).toBeInTheDocument();
  });

  it("shows the server's message when loading fails", async () => {
    const error = await responseError(500, 'Error', 'Database is read-only');
    renderTab(
      fakePipelinesApi({
        listEnvironments: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Database is read-only'),
    ).toBeInTheDocument();
  });

  describe('permissions', () => {
    const promotable = () =>
      fakePipelinesApi({
        listEnvironments: jest.fn(async () => [
          environment('staging', [
            deployment({
              id: 'd-2',
              environment: 'staging',
              version: 'v1.5.0',
            }),
          ]),
          environment('production', [
            deployment({ id: 'd-1', version: 'v1.4.0' }),
            deployment({ id: 'd-0', version: 'v1.3.0' }),
          ]),
        ]),
        listDeployRequests: jest.fn(async () => [deployRequest()]),
      });
    const requestsRegion = () =>
      within(screen.getByRole('region', { name: 'Deploy requests' }));

    it("asks for both permissions on the entity's ref and enables what they allow", async () => {
      const permissions = testPermissions();
      renderTab(promotable(), {
        entity: entityOfItsOwn('ledger'),
        permissions: permissions.api,
      });

      const promote = await screen.findByRole('button', {
        name: 'Promote to production',
      });
      await waitFor(() => expect(promote).toBeEnabled());
      expect(
        await requestsRegion().findByRole('button', {
          name: 'Approve: Promote v1.5.0 to production',
        }),
      ).toBeEnabled();
      expect(
        permissions.requests.map(r => [r.permission.name, r.resourceRef]),
      ).toEqual(
        expect.arrayContaining([
          ['pipelines.deploy', 'component:default/ledger'],
          ['pipelines.deploy.approve', 'component:default/ledger'],
        ]),
      );
      expect(screen.queryByText(/^Only the owners/)).not.toBeInTheDocument();
    });

    it('disables promoting and rolling back, saying why, and leaves reviews to who may', async () => {
      const api = promotable();
      renderTab(api, {
        entity: entityOfItsOwn('billing'),
        permissions: testPermissions({ deny: [pipelinesDeployPermission] }).api,
      });

      const staging = within(
        await screen.findByRole('region', { name: 'staging' }),
      );
      await staging.findByText('Only the owners of this entity deploy it.');
      const promote = staging.getByRole('button', {
        name: 'Promote to production',
      });
      expect(promote).toBeDisabled();
      const production = within(
        screen.getByRole('region', { name: 'production' }),
      );
      expect(
        production.getByRole('button', { name: 'Roll back production' }),
      ).toBeDisabled();
      expect(
        production.getByText('Only the owners of this entity deploy it.'),
      ).toBeInTheDocument();
      expect(promote.closest('[title]')).toHaveAttribute(
        'title',
        'Only the owners of this entity deploy it.',
      );
      await userEvent.click(promote);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(api.checkDeploy).not.toHaveBeenCalled();

      await waitFor(() =>
        expect(
          requestsRegion().getByRole('button', {
            name: 'Approve: Promote v1.5.0 to production',
          }),
        ).toBeEnabled(),
      );
      expect(
        requestsRegion().getByRole('button', {
          name: 'Reject: Promote v1.5.0 to production',
        }),
      ).toBeEnabled();
    });

    it('disables approving and rejecting, saying why, and leaves deploys to who may', async () => {
      renderTab(promotable(), {
        entity: entityOfItsOwn('refunds'),
        permissions: testPermissions({
          deny: [pipelinesDeployApprovePermission],
        }).api,
      });

      await screen.findByText(
        'Only the owners of this entity review its deploys.',
      );
      const approve = requestsRegion().getByRole('button', {
        name: 'Approve: Promote v1.5.0 to production',
      });
      expect(approve).toBeDisabled();
      expect(
        requestsRegion().getByRole('button', {
          name: 'Reject: Promote v1.5.0 to production',
        }),
      ).toBeDisabled();
      expect(approve.closest('[title]')).toHaveAttribute(
        'title',
        'Only the owners of this entity review its deploys.',
      );

      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: 'Promote to production' }),
        ).toBeEnabled(),
      );
      expect(
        screen.getByRole('button', { name: 'Roll back production' }),
      ).toBeEnabled();
      expect(
        screen.queryByText('Only the owners of this entity deploy it.'),
      ).not.toBeInTheDocument();
    });

    it('keeps the buttons disabled while it asks', async () => {
      renderTab(promotable(), {
        entity: entityOfItsOwn('settlements'),
        permissions: mockApis.permission.mock({
          authorize: jest.fn(() => new Promise<never>(() => {})),
        }),
      });

      const promote = await screen.findByRole('button', {
        name: 'Promote to production',
      });
      expect(promote).toBeDisabled();
      expect(
        await requestsRegion().findByRole('button', {
          name: 'Approve: Promote v1.5.0 to production',
        }),
      ).toBeDisabled();
      expect(
        screen.getAllByText('Checking your permissions…').length,
      ).toBeGreaterThan(0);
    });
  });
});
