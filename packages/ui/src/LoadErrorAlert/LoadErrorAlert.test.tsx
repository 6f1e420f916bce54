import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../testUtils';
import { LoadErrorAlert } from './LoadErrorAlert';

const forbidden = {
  title: 'Pipelines are not open to you',
  description: 'Seeing runs needs the pipelines.read permission.',
};

const unavailable = {
  title: 'Vault is unavailable',
  note: 'Nothing was changed.',
};

describe('LoadErrorAlert', () => {
  it("shows the server's message and retries on request", async () => {
    const onRetry = jest.fn();
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'The OPA server did not answer',
    );

    render(
      <LoadErrorAlert
        title="Could not load posture"
        error={error}
        onRetry={onRetry}
      />,
    );

    expect(screen.getByText('Could not load posture')).toBeInTheDocument();
    expect(
      screen.getByText('The OPA server did not answer'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('names the missing permission instead of offering to retry', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');

    render(
      <LoadErrorAlert
        title="Could not load runs"
        error={error}
        onRetry={jest.fn()}
        forbidden={forbidden}
      />,
    );

    expect(
      screen.getByText('Pipelines are not open to you'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/needs the pipelines.read permission/),
    ).toBeVisible();
    expect(screen.queryByText('Unauthorized')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });

  it("says an outage in the page's words after the server's", async () => {
    const onRetry = jest.fn();
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Vault main is sealed.',
    );

    render(
      <LoadErrorAlert
        title="Could not load secrets"
        error={error}
        onRetry={onRetry}
        unavailable={unavailable}
      />,
    );

    expect(screen.getByText('Vault is unavailable')).toBeInTheDocument();
    expect(
      screen.getByText('Vault main is sealed. Nothing was changed.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it("shows a refusal in the server's words when the page has none of its own", async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');

    render(<LoadErrorAlert title="Could not load posture" error={error} />);

    expect(screen.getByText('Could not load posture')).toBeInTheDocument();
    expect(screen.getByText('Unauthorized')).toBeInTheDocument();
  });
});
