import { render, screen } from '@testing-library/react';
import { ComplianceStatusChip } from './ComplianceStatusChip';

describe('ComplianceStatusChip', () => {
  it.each([
    ['pass', 'Compliant', 'success'],
    ['fail', 'Non-compliant', 'danger'],
    ['unknown', 'Unknown', 'warning'],
    ['not-evaluated', 'Not evaluated yet', 'neutral'],
  ] as const)('shows %s as "%s" (%s)', (status, label, tone) => {
    render(<ComplianceStatusChip status={status} />);

    expect(screen.getByText(label).closest('[data-tone]')).toHaveAttribute(
      'data-tone',
      tone,
    );
  });
});
