import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/fakePipelinesApi';
import { ErrorNotice } from './ErrorNotice';

describe('ErrorNotice', () => {
  it("shows the server's message and retries on request", async () => {
    const onRetry = jest.fn();
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'GitHub did not answer',
    );

    render(
      <ErrorNotice
        title="Could not load runs"
        error={error}
        onRetry={onRetry}
      />,
    );

    expect(screen.getByText('Could not load runs')).toBeInTheDocument();
    expect(screen.getByText('GitHub did not answer')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('names the missing permission instead of offering to retry', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');

    render(
      <ErrorNotice
        title="Could not load runs"
        error={error}
        onRetry={jest.fn()}
      />,
    );

    expect(
      screen.getByText('Pipelines are not open to you'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/needs the pipelines.read permission/),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });
});
