import { render, screen } from '@testing-library/react';
import { StatusPill } from './StatusPill';

describe('StatusPill', () => {
  it('shows its label in the colour of its tone', () => {
    render(<StatusPill tone="danger">Failed</StatusPill>);

    const pill = screen.getByText('Failed');
    expect(pill).toHaveAttribute('data-tone', 'danger');
    expect(pill.style.background).toBe('var(--bui-negative-bg-subdued)');
  });
});
