import { render, screen } from '@testing-library/react';
import { StatusPill } from './StatusPill';

describe('StatusPill', () => {
  it('shows its label in the tone it was given', () => {
    render(<StatusPill tone="danger">Failed</StatusPill>);

    expect(screen.getByText('Failed')).toHaveAttribute('data-tone', 'danger');
  });
});
