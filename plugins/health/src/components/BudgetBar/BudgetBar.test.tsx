import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { BudgetBar } from './BudgetBar';

describe('BudgetBar', () => {
  it('fills as much of the bar as is left, in the colour of the status', () => {
    renderInTestApp(<BudgetBar remaining={0.534} status="warning" />);

    const meter = screen.getByRole('meter', { name: 'Error budget' });
    expect(meter).toHaveAttribute('aria-valuenow', '53');
    expect(meter).toHaveAttribute('aria-valuetext', '53.4% left');
    expect(screen.getByText('53.4% left')).toBeInTheDocument();
    expect(meter.firstElementChild).toHaveStyle({
      width: '53.4%',
      background: 'var(--bui-fg-warning)',
    });
  });

  it('shows an overspent budget below zero, with an empty bar', () => {
    renderInTestApp(<BudgetBar remaining={-0.35} status="breached" />);

    const meter = screen.getByRole('meter', { name: 'Error budget' });
    expect(meter).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByText('-35%: overspent')).toBeInTheDocument();
    expect(meter.firstElementChild).toHaveStyle({ width: '0%' });
  });

  it('draws no bar for an unknown budget', () => {
    renderInTestApp(<BudgetBar remaining={null} status="unknown" />);

    expect(screen.getByText('Unknown')).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });
});
