import { render, screen, within } from '@testing-library/react';
import { posture } from '../../__testUtils__/fixtures';
import { FrameworkPosture } from './FrameworkPosture';

describe('FrameworkPosture', () => {
  it('lists frameworks with the most violations first', () => {
    render(<FrameworkPosture byFramework={posture.byFramework} />);

    const [, first, second] = screen.getAllByRole('row');
    expect(within(first).getByText('SOC 2 CC6.1')).toBeInTheDocument();
    expect(within(first).getByText('31')).toBeInTheDocument();
    expect(within(second).getByText('PCI-DSS 3.5')).toBeInTheDocument();
    expect(within(second).getByText('5')).toBeInTheDocument();
  });

  it('says so when no violation maps to a framework', () => {
    render(<FrameworkPosture byFramework={[]} />);

    expect(
      screen.getByText('No open violation maps to a compliance framework.'),
    ).toBeInTheDocument();
  });
});
