import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/fakePolicyApi';
import { ErrorNotice } from './ErrorNotice';

describe('ErrorNotice', () => {
  it("shows the server's message and retries on request", async () => {
    const onRetry = jest.fn();
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'The OPA server did not answer',
    );

    render(
      <ErrorNotice
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
});
