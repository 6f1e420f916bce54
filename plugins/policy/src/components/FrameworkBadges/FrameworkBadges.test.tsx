import { render, screen } from '@testing-library/react';
import { FrameworkBadges } from './FrameworkBadges';

describe('FrameworkBadges', () => {
  it('shows one badge per framework', () => {
    render(<FrameworkBadges frameworks={['PCI-DSS 3.5', 'SOC 2 CC6.1']} />);

    expect(screen.getByText('PCI-DSS 3.5')).toBeInTheDocument();
    expect(screen.getByText('SOC 2 CC6.1')).toBeInTheDocument();
  });

  it('says so when a rule maps to no framework', () => {
    render(<FrameworkBadges frameworks={[]} />);

    expect(screen.getByText('No framework')).toBeInTheDocument();
  });
});
