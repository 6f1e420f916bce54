import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  secretsProvisionPermission,
  secretsRotatePermission,
} from '@finops/plugin-secrets-common';
import { secretsApiRef, type SecretsApi } from '../../api';
import {
  fakeSecretsApi,
  responseError,
} from '../../__testUtils__/fakeSecretsApi';
import {
  BASE_PATH,
  cardPaymentsEntity,
  cardPaymentsRef,
  entitySecrets,
  notConfigured,
  outcome,
  secret,
  secretRequest,
  VAULT_UI,
} from '../../__testUtils__/fixtures';
import {
  entityOfItsOwn,
  testPermissions,
} from '../../__testUtils__/permissions';
import { EntitySecretsContent } from './EntitySecretsContent';

function renderTab(
  api: SecretsApi,
  options: {
    entity?: Entity;
    permissions?: ReturnType<typeof testPermissions>['api'];
  } = {},
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? cardPaymentsEntity}>
      <EntitySecretsContent />
    </EntityProvider>,
    {
      apis: [
        [secretsApiRef, api],
        mockApis.identity({ userEntityRef: 'user:default/carol' }),
        options.permissions ?? testPermissions().api,
      ],
    },
  );
}

const rowOf = (name: string) =>
  screen
    .getByRole('rowheader', { name: new RegExp(`^${name}`) })
    .closest('tr')!;

describe('EntitySecretsContent', () => {
  it('says what to configure when Vault is not configured, without an error', async () => {
    const api = fakeSecretsApi({ getEntitySecrets: async () => notConfigured });
    renderTab(api);

    expect(
      await screen.findByText('Vault is not configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Configure secrets.vault.instances in the app-config/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the rest of the portal works/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /How to configure Vault/ }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/finops-platform/secrets/',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request secrets' }),
    ).not.toBeInTheDocument();
  });

  it('lists the metadata of each secret and counts the overdue ones', async () => {
    const api = fakeSecretsApi({
      getEntitySecrets: jest.fn(async () =>
        entitySecrets({
          paths: [
            {
              path: BASE_PATH,
              secrets: [
                secret({
                  name: 'production/database',
                  rotatedTime: '2026-01-10T09:00:00Z',
                  ageDays: 120.4,
                  overdue: true,
                }),
                secret({ name: 'staging/database', ageDays: 14.2 }),
              ],
              problem: null,
            },
            {
              path: 'legacy/card-payments',
              secrets: [],
              problem: 'permission denied listing legacy/card-payments',
            },
          ],
        }),
      ),
    });
    renderTab(api);

    expect(
      await screen.findByRole('status', { name: 'Rotation summary' }),
    ).toHaveTextContent('1 of 2 secrets overdue for rotation');
    expect(api.getEntitySecrets).toHaveBeenCalledWith(cardPaymentsRef);

    const overdue = within(rowOf('production/database'));
    expect(overdue.getByText('Overdue')).toBeInTheDocument();
    expect(overdue.getByText('120 days ago')).toBeInTheDocument();
    expect(overdue.getByText('v3')).toBeInTheDocument();
    expect(overdue.getByText('1 deleted or destroyed')).toBeInTheDocument();
    expect(overdue.getByText('Platform')).toBeInTheDocument();
    expect(
      overdue.getByRole('link', { name: 'Open production/database in Vault' }),
    ).toHaveAttribute(
      'href',
      `${VAULT_UI}/ui/vault/secrets/secret/kv/${encodeURIComponent(
        `${BASE_PATH}/production/database`,
      )}`,
    );
    const fresh = within(rowOf('staging/database'));
    expect(fresh.getByText('OK')).toBeInTheDocument();
    expect(fresh.getByText('14 days ago')).toBeInTheDocument();

    expect(
      screen.getByText('Could not read legacy/card-payments'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('permission denied listing legacy/card-payments'),
    ).toBeInTheDocument();

    const bindings = within(
      screen.getByRole('region', { name: 'Vault policies and roles' }),
    );
    const role = within(
      bindings
        .getByRole('rowheader', {
          name: 'finops-default-card-payments-production',
        })
        .closest('tr')!,
    );
    expect(role.getByText('AppRole')).toBeInTheDocument();
    expect(role.getByText('No')).toBeInTheDocument();
    expect(
      role.getByText('finops-default-card-payments-production-read'),
    ).toBeInTheDocument();
  });

  it('says an entity has no secrets yet and offers to request them', async () => {
    const api = fakeSecretsApi({
      getEntitySecrets: async () =>
        entitySecrets({
          paths: [{ path: BASE_PATH, secrets: [], problem: null }],
          bindings: [],
        }),
    });
    renderTab(api, { entity: entityOfItsOwn('fresh-service') });

    expect(await screen.findByText('No secrets yet')).toBeInTheDocument();
    const request = screen.getByRole('button', { name: 'Request secrets' });
    await waitFor(() => expect(request).toBeEnabled());
    await userEvent.click(request);
    expect(
      await screen.findByRole('dialog', { name: 'Request secrets' }),
    ).toBeInTheDocument();
  });

  it('shows Vault being down as an error panel, and loads again on request', async () => {
    const unavailable = await responseError(
      503,
      'ServiceUnavailableError',
      'Vault main did not answer.',
    );
    const api = fakeSecretsApi({
      getEntitySecrets: jest
        .fn()
        .mockRejectedValueOnce(unavailable)
        .mockResolvedValue(entitySecrets()),
    });
    renderTab(api);

    expect(await screen.findByText('Vault is unavailable')).toBeInTheDocument();
    expect(
      screen.getByText(/^Vault main did not answer\. Secrets can be neither/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(
      await screen.findByRole('status', { name: 'Rotation summary' }),
    ).toBeInTheDocument();
  });

  it('says which permission is missing when the metadata is not open to the user', async () => {
    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    renderTab(
      fakeSecretsApi({
        getEntitySecrets: async () => {
          throw forbidden;
        },
      }),
    );

    expect(
      await screen.findByText('Secrets are not open to you'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/needs the secrets.metadata.read permission/),
    ).toBeInTheDocument();
  });

  it('disables requesting and rotating for who may not, saying why', async () => {
    const api = fakeSecretsApi();
    const permissions = testPermissions({
      deny: [secretsProvisionPermission, secretsRotatePermission],
    });
    renderTab(api, {
      entity: entityOfItsOwn('ledger'),
      permissions: permissions.api,
    });

    await screen.findByText(
      'Only the owners of this entity request its secrets.',
    );
    const request = screen.getByRole('button', { name: 'Request secrets' });
    expect(request).toBeDisabled();
    expect(request.closest('[title]')).toHaveAttribute(
      'title',
      'Only the owners of this entity request its secrets.',
    );
    const rotate = screen.getByRole('button', {
      name: 'Rotate production/database',
    });
    expect(rotate).toBeDisabled();
    expect(rotate.closest('[title]')).toHaveAttribute(
      'title',
      'Only the owners of this entity rotate its secrets.',
    );
    expect(
      permissions.requests.map(r => [r.permission.name, r.resourceRef]),
    ).toEqual(
      expect.arrayContaining([
        ['secrets.provision', 'component:default/ledger'],
        ['secrets.rotate', 'component:default/ledger'],
        ['secrets.approve', 'component:default/ledger'],
      ]),
    );

    await userEvent.click(request);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('rotates a generated secret in the environment of its path and shows the wrapped values once', async () => {
    const api = fakeSecretsApi({
      rotate: jest.fn(async () =>
        outcome({
          changes: [
            {
              kind: 'secret',
              name: `${BASE_PATH}/production/database`,
              action: 'rotate',
              detail: 'version 4: new password; 5 versions kept',
            },
          ],
          wrapped: {
            token: 'hvs.CAESwrappedrotation',
            ttlSeconds: 300,
            expiresAt: '2026-06-04T09:05:00Z',
          },
        }),
      ),
    });
    renderTab(api, { entity: entityOfItsOwn('settlements') });

    const rotate = await screen.findByRole('button', {
      name: 'Rotate production/database',
    });
    await waitFor(() => expect(rotate).toBeEnabled());
    await userEvent.click(rotate);
    const confirm = within(
      await screen.findByRole('dialog', {
        name: 'Rotate database in production',
      }),
    );
    await userEvent.click(
      confirm.getByRole('checkbox', { name: 'Show generated values once' }),
    );
    await userEvent.click(confirm.getByRole('button', { name: 'Rotate' }));

    expect(api.rotate).toHaveBeenCalledWith({
      entityRef: 'component:default/settlements',
      environment: 'production',
      secret: 'database',
      wrap: true,
    });
    const shown = within(
      await screen.findByRole('dialog', {
        name: 'Generated values: shown once',
      }),
    );
    expect(shown.getByLabelText('Unwrap command')).toHaveTextContent(
      'vault unwrap hvs.CAESwrappedrotation',
    );
    expect(shown.getByText('Rotated')).toBeInTheDocument();
    expect(api.getEntitySecrets).toHaveBeenCalledTimes(2);

    await userEvent.click(shown.getByRole('button', { name: 'Done' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(document.body.innerHTML).not.toContain('hvs.CAESwrappedrotation');
  });

  it('provisions from the tab, then says the request waits and lists it', async () => {
    const api = fakeSecretsApi({
      provision: jest.fn(async () =>
        outcome({
          outcome: 'approval-required',
          changes: [],
          request: secretRequest({ requestedBy: 'user:default/carol' }),
        }),
      ),
      listRequests: jest
        .fn()
        .mockResolvedValueOnce([])
        .mockResolvedValue([
          secretRequest({ requestedBy: 'user:default/carol' }),
        ]),
    });
    renderTab(api, { entity: entityOfItsOwn('chargebacks') });

    const request = await screen.findByRole('button', {
      name: 'Request secrets',
    });
    await waitFor(() => expect(request).toBeEnabled());
    await userEvent.click(request);
    const form = within(
      await screen.findByRole('dialog', { name: 'Request secrets' }),
    );
    await userEvent.clear(form.getByRole('textbox', { name: 'Environment' }));
    await userEvent.type(
      form.getByRole('textbox', { name: 'Environment' }),
      'production',
    );
    await userEvent.type(
      form.getByRole('textbox', { name: 'Secret name' }),
      'database',
    );
    await userEvent.type(
      form.getByRole('textbox', { name: 'Key' }),
      'password',
    );
    await userEvent.click(form.getByRole('button', { name: 'Provision' }));

    const waiting = within(
      await screen.findByRole('dialog', { name: 'Waiting for approval' }),
    );
    expect(
      waiting.getByText(
        /Provision database in production is stored as a request/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('dialog', { name: 'Request secrets' }),
    ).not.toBeInTheDocument();
    await userEvent.click(waiting.getByRole('button', { name: 'Done' }));
    const requests = within(screen.getByRole('region', { name: 'Requests' }));
    expect(await requests.findByText('Pending approval')).toBeInTheDocument();
    expect(api.provision).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/chargebacks',
        environment: 'production',
      }),
    );
  });

  it("does not let users approve their own request, and lets them approve another's", async () => {
    const api = fakeSecretsApi({
      listRequests: jest
        .fn()
        .mockResolvedValueOnce([
          secretRequest({ id: 'own', requestedBy: 'user:default/carol' }),
          secretRequest({
            id: 'alices',
            environment: 'staging',
            requestedBy: 'user:default/alice',
          }),
        ])
        .mockResolvedValue([]),
    });
    renderTab(api, { entity: entityOfItsOwn('refunds') });

    const requests = within(
      await screen.findByRole('region', { name: 'Requests' }),
    );
    const own = await requests.findByRole('button', {
      name: 'Approve: Provision database in production',
    });
    await waitFor(() =>
      expect(own.closest('[title]')).toHaveAttribute(
        'title',
        'You asked for this; another owner approves it',
      ),
    );
    expect(own).toBeDisabled();
    expect(
      requests.getByText('You asked for this; another owner approves it'),
    ).toBeInTheDocument();
    expect(
      requests.getByRole('button', {
        name: 'Reject: Provision database in production',
      }),
    ).toBeEnabled();

    const alices = requests.getByRole('button', {
      name: 'Approve: Provision database in staging',
    });
    expect(alices).toBeEnabled();
    await userEvent.click(alices);
    const review = within(await screen.findByRole('dialog'));
    await userEvent.click(review.getByRole('button', { name: 'Approve' }));

    expect(api.approveRequest).toHaveBeenCalledWith('alices', undefined);
    expect(
      await requests.findByText('Applied: Provision database in production'),
    ).toBeInTheDocument();
    expect(api.listRequests).toHaveBeenCalledTimes(2);
  });
});
