import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import { failingCompliance, paymentsRef } from '../../__testUtils__/fixtures';
import { dayAfter } from './exceptionForm';
import { RequestExceptionDialog } from './RequestExceptionDialog';

const DAY_MS = 24 * 60 * 60 * 1000;
const violation = failingCompliance().violations[1];

function renderDialog(api: PolicyApi, onRequested = jest.fn()) {
  renderInTestApp(
    <RequestExceptionDialog
      entityRef={paymentsRef}
      violation={violation}
      onClose={jest.fn()}
      onRequested={onRequested}
    />,
    { apis: [[policyApiRef, api]] },
  );
  return { onRequested };
}

async function fillTexts() {
  await userEvent.type(
    screen.getByRole('textbox', { name: /Justification/ }),
    'Vendor HSM rollout lands in Q3',
  );
  await userEvent.type(
    screen.getByRole('textbox', { name: /Compensating control/ }),
    'Card data sits in an isolated VPC with daily access review',
  );
}

const submit = () =>
  userEvent.click(screen.getByRole('button', { name: 'Request exception' }));

describe('RequestExceptionDialog', () => {
  it('names the rule and proposes an expiry 30 days out', async () => {
    renderDialog(fakePolicyApi());

    expect(await screen.findByText('encryption_at_rest')).toBeInTheDocument();
    expect(
      screen.getByText('Card data is stored unencrypted'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Expires on/)).toHaveValue(
      dayAfter(new Date(), 30),
    );
  });

  it('refuses an empty justification without calling the backend', async () => {
    const api = fakePolicyApi();
    renderDialog(api);

    await submit();

    expect(
      await screen.findByText('Justification is required.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Compensating control is required.'),
    ).toBeInTheDocument();
    expect(api.requestException).not.toHaveBeenCalled();
  });

  it('refuses an expiry more than 90 days away', async () => {
    const api = fakePolicyApi();
    renderDialog(api);
    await fillTexts();

    fireEvent.change(screen.getByLabelText(/Expires on/), {
      target: { value: dayAfter(new Date(), 120) },
    });
    await submit();

    expect(
      await screen.findByText(/Exceptions last at most 90 days/),
    ).toBeInTheDocument();
    expect(api.requestException).not.toHaveBeenCalled();
  });

  it('sends the request and shows the pending exception', async () => {
    const api = fakePolicyApi();
    const { onRequested } = renderDialog(api);
    await fillTexts();

    await submit();

    expect(await screen.findByText('Exception requested')).toBeInTheDocument();
    expect(screen.getByText('Pending review')).toBeInTheDocument();
    expect(api.requestException).toHaveBeenCalledWith({
      entityRef: paymentsRef,
      rule: 'encryption_at_rest',
      justification: 'Vendor HSM rollout lands in Q3',
      compensatingControl:
        'Card data sits in an isolated VPC with daily access review',
      expiresAt: expect.any(String),
    });
    const { expiresAt } = api.requestException.mock.calls[0][0];
    const days = (Date.parse(expiresAt) - Date.now()) / DAY_MS;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
    expect(onRequested).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'pending' }),
    );
  });

  it("shows the server's reason when it refuses", async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'An exception for encryption_at_rest is already pending',
    );
    renderDialog(
      fakePolicyApi({
        requestException: async () => {
          throw error;
        },
      }),
    );
    await fillTexts();

    await submit();

    expect(
      await screen.findByText(
        'An exception for encryption_at_rest is already pending',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Exception requested')).not.toBeInTheDocument();
  });
});
