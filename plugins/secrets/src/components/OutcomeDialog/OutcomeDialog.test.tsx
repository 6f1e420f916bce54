import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { outcome, secretRequest, VAULT_UI } from '../../__testUtils__/fixtures';
import { OutcomeDialog, type SecretsResult } from './OutcomeDialog';

const TOKEN = 'hvs.CAESIJ3wrapped0nce';

function renderDialog(result: SecretsResult) {
  const onClose = jest.fn();
  renderInTestApp(<OutcomeDialog result={result} onClose={onClose} />);
  return { onClose };
}

describe('OutcomeDialog', () => {
  it('shows the wrapping token once, with how to unwrap it', async () => {
    const user = userEvent.setup();
    const { onClose } = renderDialog({
      operation: 'provision',
      uiUrl: `${VAULT_UI}/`,
      outcome: outcome({
        wrapped: {
          token: TOKEN,
          ttlSeconds: 300,
          expiresAt: '2026-06-04T09:05:00Z',
        },
      }),
    });

    const dialog = within(
      await screen.findByRole('dialog', {
        name: 'Generated values: shown once',
      }),
    );
    expect(
      dialog.getByText(/sealed in a Vault response-wrapping token/),
    ).toHaveTextContent('It can be unwrapped once, before');
    expect(dialog.getByLabelText('Unwrap command')).toHaveTextContent(
      `vault unwrap ${TOKEN}`,
    );
    expect(
      dialog.getByRole('link', { name: 'Tools → Unwrap in the Vault UI' }),
    ).toHaveAttribute('href', `${VAULT_UI}/ui/vault/tools/unwrap`);
    expect(dialog.getByText('Provisioned')).toBeInTheDocument();

    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(dialog.getByRole('button', { name: 'Copy command' }));
    expect(writeText).toHaveBeenCalledWith(`vault unwrap ${TOKEN}`);
    expect(
      await dialog.findByRole('button', { name: 'Copied' }),
    ).toBeInTheDocument();

    await user.click(dialog.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('offers no Vault UI link when the instance has none', async () => {
    renderDialog({
      operation: 'rotate',
      uiUrl: null,
      outcome: outcome({
        wrapped: {
          token: TOKEN,
          ttlSeconds: 300,
          expiresAt: '2026-06-04T09:05:00Z',
        },
      }),
    });

    expect(
      await screen.findByText(`vault unwrap ${TOKEN}`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it("says a request waits for another owner's approval, and what it holds", async () => {
    renderDialog({
      operation: 'provision',
      uiUrl: VAULT_UI,
      outcome: outcome({
        outcome: 'approval-required',
        changes: [],
        violations: [
          {
            rule: 'SEC-APPROVAL-001',
            severity: 'high',
            message: 'production secrets of restricted data need approval',
            remediation: 'Ask another owner of card-payments to approve it.',
            frameworks: ['PCI DSS 3.6.1'],
          },
        ],
        request: secretRequest(),
      }),
    });

    const dialog = within(
      await screen.findByRole('dialog', { name: 'Waiting for approval' }),
    );
    expect(
      dialog.getByText("Waits for another owner's approval"),
    ).toBeInTheDocument();
    expect(
      dialog.getByText(
        /Provision database in production is stored as a request/,
      ),
    ).toBeInTheDocument();
    const finding = within(
      dialog.getByRole('list', { name: 'Policy findings' }),
    ).getByRole('listitem');
    expect(finding).toHaveTextContent('SEC-APPROVAL-001');
    expect(finding).toHaveTextContent(
      'To resolve: Ask another owner of card-payments to approve it.',
    );
  });
});
