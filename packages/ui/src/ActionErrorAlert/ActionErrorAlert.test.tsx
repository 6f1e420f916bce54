import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../testUtils';
import { ActionErrorAlert } from './ActionErrorAlert';

describe('ActionErrorAlert', () => {
  it("says a refusal in the policy's words, with nothing to retry", async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'DEP-SOD-001: you wrote this change',
    );

    render(
      <ActionErrorAlert
        error={error}
        action="approve this request"
        onRetry={jest.fn()}
      />,
    );

    expect(
      screen.getByText('Not allowed to approve this request'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('DEP-SOD-001: you wrote this change'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });

  it('tells that nothing was done when a service did not answer, and retries', async () => {
    const onRetry = jest.fn();
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'OPA did not answer.',
    );

    render(
      <ActionErrorAlert
        error={error}
        action="check this deploy"
        onRetry={onRetry}
      />,
    );

    expect(
      screen.getByText('Could not check this deploy right now'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'OPA did not answer. Nothing was done: try again in a moment.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('says what an outage left unchanged in the words it is given', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Vault main is sealed',
    );

    render(
      <ActionErrorAlert
        error={error}
        action="rotate it"
        unavailableNote="Nothing was changed in Vault: try again in a moment."
      />,
    );

    expect(
      screen.getByText(
        'Vault main is sealed. Nothing was changed in Vault: try again in a moment.',
      ),
    ).toBeInTheDocument();
  });

  it("says any other failure in the server's words", async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'The request was reviewed already',
    );

    render(<ActionErrorAlert error={error} action="reject this request" />);

    expect(
      screen.getByText('Could not reject this request'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The request was reviewed already'),
    ).toBeInTheDocument();
  });
});
