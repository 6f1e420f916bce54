import { render, screen } from '@testing-library/react';
import { RunOutcome } from './RunOutcome';

describe('RunOutcome', () => {
  it('shows the conclusion of a completed run', () => {
    render(<RunOutcome status="completed" conclusion="timed_out" />);

    expect(screen.getByText('Timed out')).toHaveAttribute(
      'data-tone',
      'danger',
    );
  });

  it('shows where an unfinished run is', () => {
    render(<RunOutcome status="in_progress" conclusion={null} />);

    expect(screen.getByText('In progress')).toHaveAttribute(
      'data-tone',
      'info',
    );
  });
});
