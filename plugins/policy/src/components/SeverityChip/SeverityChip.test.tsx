import { render, screen } from '@testing-library/react';
import { SeverityChip } from './SeverityChip';

describe('SeverityChip', () => {
  it('shows critical in the danger colour and low in a neutral one', () => {
    render(
      <>
        <SeverityChip severity="critical" />
        <SeverityChip severity="low" />
      </>,
    );

    expect(screen.getByText('Critical')).toHaveAttribute('data-tone', 'danger');
    expect(screen.getByText('Low')).toHaveAttribute('data-tone', 'neutral');
  });
});
