import { render, screen, within } from '@testing-library/react';
import { decision } from '../../__testUtils__/fixtures';
import { DecisionLogTable } from './DecisionLogTable';

describe('DecisionLogTable', () => {
  it('shows each decision with its point, subject, actor, result, rules, duration and revision', () => {
    render(<DecisionLogTable decisions={[decision()]} />);

    const [, row] = screen.getAllByRole('row');
    expect(within(row).getByText('deploy')).toBeInTheDocument();
    expect(
      within(row).getByText('component:default/payments-api'),
    ).toBeInTheDocument();
    expect(within(row).getByText('bob')).toBeInTheDocument();
    expect(within(row).getByText('Denied')).toBeInTheDocument();
    expect(within(row).getByText('change_window')).toBeInTheDocument();
    expect(within(row).getByText('4.2 ms')).toBeInTheDocument();
    expect(within(row).getByText('3b5d5c371295')).toBeInTheDocument();
  });

  it('says so when nothing matches', () => {
    render(<DecisionLogTable decisions={[]} />);

    expect(
      screen.getByText('No decisions match these filters.'),
    ).toBeInTheDocument();
  });
});
