import { render, screen, within } from '@testing-library/react';
import { PolicyViolationList } from './PolicyViolationList';

const violation = {
  rule: 'SEC-ROT-001',
  severity: 'critical',
  message: 'database was last rotated 120 days ago',
  remediation: 'rotate it',
  frameworks: ['PCI DSS 8.3.9', 'SOC 2 CC6.1'],
};

describe('PolicyViolationList', () => {
  it('shows each rule with its severity, message, remedy and frameworks', () => {
    render(
      <PolicyViolationList
        violations={[
          violation,
          {
            ...violation,
            rule: 'SEC-CLS-002',
            severity: 'low',
            frameworks: [],
          },
        ]}
        label="Policy findings"
      />,
    );

    const list = screen.getByRole('list', { name: 'Policy findings' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first).getByText('SEC-ROT-001')).toBeInTheDocument();
    expect(within(first).getByText('critical')).toHaveAttribute(
      'data-tone',
      'danger',
    );
    expect(
      within(first).getByText('database was last rotated 120 days ago'),
    ).toBeInTheDocument();
    expect(
      within(first).getByText('To resolve: rotate it'),
    ).toBeInTheDocument();
    expect(
      within(first).getByText('PCI DSS 8.3.9 · SOC 2 CC6.1'),
    ).toBeInTheDocument();
    expect(within(second).getByText('low')).toHaveAttribute(
      'data-tone',
      'neutral',
    );
  });

  it('shows nothing when the policy found nothing', () => {
    render(<PolicyViolationList violations={[]} label="Violations" />);

    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
