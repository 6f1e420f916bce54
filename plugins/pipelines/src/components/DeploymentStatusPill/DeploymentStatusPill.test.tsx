import { render, screen } from '@testing-library/react';
import { DeploymentStatusPill } from './DeploymentStatusPill';

describe('DeploymentStatusPill', () => {
  it('calls a replaced deployment superseded rather than inactive', () => {
    render(<DeploymentStatusPill status="inactive" />);

    expect(screen.getByText('Superseded')).toHaveAttribute(
      'data-tone',
      'neutral',
    );
  });

  it('marks a rolled back deployment as a warning', () => {
    render(<DeploymentStatusPill status="rolled_back" />);

    expect(screen.getByText('Rolled back')).toHaveAttribute(
      'data-tone',
      'warning',
    );
  });
});
