import { render, screen } from '@testing-library/react';
import { responseError } from '../../__testUtils__/fakePipelinesApi';
import { ErrorNotice } from './ErrorNotice';

describe('ErrorNotice', () => {
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
