import { render, screen } from '@testing-library/react';
import { DoraRatingPill } from './DoraRatingPill';

describe('DoraRatingPill', () => {
  it('shows the band in its colour', () => {
    render(<DoraRatingPill rating="low" />);

    expect(screen.getByText('Low')).toHaveAttribute('data-tone', 'danger');
  });
});
