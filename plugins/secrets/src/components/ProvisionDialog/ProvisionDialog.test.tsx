import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { secretsApiRef, type SecretsApi } from '../../api';
import {
  fakeSecretsApi,
  responseError,
} from '../../__testUtils__/fakeSecretsApi';
import {
  BASE_PATH,
  cardPaymentsRef,
  outcome,
} from '../../__testUtils__/fixtures';
import { ProvisionDialog } from './ProvisionDialog';

const VENDOR_TOKEN = 'vendor-token-7f3a9c1e55';

function renderDialog(api: SecretsApi) {
  const onProvisioned = jest.fn();
  renderInTestApp(
    <ProvisionDialog
      isOpen
      entityRef={cardPaymentsRef}
      environments={['development', 'staging', 'production']}
      basePath={BASE_PATH}
      onClose={jest.fn()}
      onProvisioned={onProvisioned}
    />,
    { apis: [[secretsApiRef, api]] },
  );
  return { onProvisioned };
}

async function fillSecret(options: { supplied?: string } = {}) {
  const dialog = within(
    await screen.findByRole('dialog', { name: 'Request secrets' }),
  );
  await userEvent.type(
    dialog.getByRole('textbox', { name: 'Secret name' }),
    'database',
  );
  await userEvent.type(
    dialog.getByRole('textbox', { name: 'Key' }),
    'password',
  );
  if (options.supplied) {
    await userEvent.click(
      dialog.getByRole('radio', { name: 'Supply a value' }),
    );
    await userEvent.type(
      dialog.getByLabelText('Supplied value'),
      options.supplied,
    );
  }
  return dialog;
}

describe('ProvisionDialog', () => {
  it('previews the changes with a dry run, for the first environment by default', async () => {
    const api = fakeSecretsApi({
      provision: jest.fn(async () =>
        outcome({
          outcome: 'planned',
          changes: [
            {
              kind: 'secret',
              name: `${BASE_PATH}/development/database`,
              action: 'create',
              detail: 'keys password',
            },
            {
              kind: 'policy',
              name: 'finops-default-card-payments-development-read',
              action: 'update',
              detail: 'widened by hand; put back',
            },
            {
              kind: 'approle',
              name: 'finops-default-card-payments-development-pipeline',
              action: 'unchanged',
              detail: null,
            },
          ],
        }),
      ),
    });
    const { onProvisioned } = renderDialog(api);
    const dialog = await fillSecret();
    expect(dialog.getByRole('textbox', { name: 'Environment' })).toHaveValue(
      'development',
    );

    await userEvent.click(
      dialog.getByRole('button', { name: 'Preview (dry run)' }),
    );

    expect(api.provision).toHaveBeenCalledWith({
      entityRef: cardPaymentsRef,
      environment: 'development',
      secrets: [{ name: 'database', keys: [{ key: 'password', length: 32 }] }],
      auth: { method: 'approle' },
      dryRun: true,
    });
    const preview = within(
      await dialog.findByRole('region', { name: 'Preview' }),
    );
    expect(
      preview.getByText('Preview: nothing was changed'),
    ).toBeInTheDocument();
    const rows = within(
      preview.getByRole('region', { name: 'Planned changes' }),
    ).getAllByRole('row');
    expect(rows.slice(1).map(r => r.textContent)).toEqual([
      expect.stringMatching(/^Create.*Secret.*development\/database/),
      expect.stringMatching(/^Update.*Vault policy.*widened by hand/),
      expect.stringMatching(/^Unchanged.*AppRole.*-pipeline/),
    ]);
    expect(onProvisioned).not.toHaveBeenCalled();

    // The preview describes the form it was asked for, not an edited one.
    await userEvent.type(dialog.getByRole('textbox', { name: 'Key' }), '2');
    expect(
      dialog.queryByRole('region', { name: 'Preview' }),
    ).not.toBeInTheDocument();
  });

  it('previews without sending a supplied value, then sends it once to provision', async () => {
    const api = fakeSecretsApi();
    const { onProvisioned } = renderDialog(api);
    const dialog = await fillSecret({ supplied: VENDOR_TOKEN });

    await userEvent.click(
      dialog.getByRole('button', { name: 'Preview (dry run)' }),
    );
    await dialog.findByRole('region', { name: 'Preview' });
    expect(JSON.stringify(api.provision.mock.calls[0][0])).not.toContain(
      VENDOR_TOKEN,
    );

    await userEvent.click(dialog.getByRole('button', { name: 'Provision' }));

    await waitFor(() => expect(onProvisioned).toHaveBeenCalled());
    expect(api.provision).toHaveBeenLastCalledWith(
      expect.objectContaining({
        secrets: [
          {
            name: 'database',
            keys: [{ key: 'password', value: VENDOR_TOKEN }],
          },
        ],
      }),
    );
    expect(api.provision.mock.lastCall?.[0].dryRun).toBeUndefined();
    expect(screen.queryByDisplayValue(VENDOR_TOKEN)).not.toBeInTheDocument();
  });

  it('clears supplied values once sent, even when the policy refuses', async () => {
    const refusal = await responseError(
      403,
      'NotAllowedError',
      'Refused by finops.secrets: SEC-APPROVAL-001 production secrets of restricted data need approval',
    );
    const api = fakeSecretsApi({
      provision: jest.fn(async () => {
        throw refusal;
      }),
    });
    renderDialog(api);
    const dialog = await fillSecret({ supplied: VENDOR_TOKEN });
    expect(dialog.getByLabelText('Supplied value')).toHaveValue(VENDOR_TOKEN);
    expect(dialog.getByLabelText('Supplied value')).toHaveAttribute(
      'type',
      'password',
    );

    await userEvent.click(dialog.getByRole('button', { name: 'Provision' }));

    expect(
      await dialog.findByText('Not allowed to provision these secrets'),
    ).toBeInTheDocument();
    expect(
      dialog.getByText(/SEC-APPROVAL-001 production secrets/),
    ).toBeInTheDocument();
    expect(api.provision).toHaveBeenCalledTimes(1);
    expect(dialog.getByLabelText('Supplied value')).toHaveValue('');
    expect(screen.queryByDisplayValue(VENDOR_TOKEN)).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(VENDOR_TOKEN);
    expect(
      dialog.getByText(
        'The values you supplied were cleared when you sent them',
      ),
    ).toBeInTheDocument();
  });

  it('points at what the backend would refuse instead of sending it', async () => {
    const api = fakeSecretsApi();
    renderDialog(api);
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.type(
      dialog.getByRole('textbox', { name: 'Secret name' }),
      'Database!',
    );
    await userEvent.type(
      dialog.getByRole('textbox', { name: 'Key' }),
      'password',
    );
    await userEvent.click(dialog.getByRole('radio', { name: 'Kubernetes' }));

    await userEvent.click(dialog.getByRole('button', { name: 'Provision' }));

    expect(
      await dialog.findByText(
        'Lower-case letters, digits, _ and -, starting with a letter or digit.',
      ),
    ).toBeInTheDocument();
    expect(
      dialog.getByText(
        'One or more service account names, separated by commas.',
      ),
    ).toBeInTheDocument();
    expect(api.provision).not.toHaveBeenCalled();
  });

  it('binds a Kubernetes login and asks for the generated values once', async () => {
    const api = fakeSecretsApi();
    const { onProvisioned } = renderDialog(api);
    const dialog = await fillSecret();
    await userEvent.click(dialog.getByRole('radio', { name: 'Kubernetes' }));
    await userEvent.type(
      dialog.getByRole('textbox', { name: 'Service accounts' }),
      'card-payments, card-payments-worker',
    );
    await userEvent.type(
      dialog.getByRole('textbox', { name: 'Namespaces' }),
      'payments',
    );
    await userEvent.click(
      dialog.getByRole('checkbox', { name: 'Show generated values once' }),
    );

    await userEvent.click(dialog.getByRole('button', { name: 'Provision' }));

    await waitFor(() => expect(onProvisioned).toHaveBeenCalled());
    expect(api.provision).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: {
          method: 'kubernetes',
          serviceAccounts: ['card-payments', 'card-payments-worker'],
          namespaces: ['payments'],
        },
        wrap: true,
      }),
    );
  });
});
