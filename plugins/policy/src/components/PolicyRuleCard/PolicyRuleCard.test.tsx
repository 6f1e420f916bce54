import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { currentVersion } from '../../__testUtils__/fixtures';
import { PolicyRuleCard } from './PolicyRuleCard';

describe('PolicyRuleCard', () => {
  it('shows the rule and reveals its Rego on request', async () => {
    const [rule] = currentVersion.rules;
    renderInTestApp(<PolicyRuleCard rule={rule} />);

    expect(
      screen.getByText('Data stores are encrypted at rest'),
    ).toBeInTheDocument();
    expect(screen.getByText('Critical')).toBeInTheDocument();
    expect(screen.getByText('Enforcing')).toBeInTheDocument();
    expect(screen.getByText('PCI-DSS 3.5')).toBeInTheDocument();
    expect(
      screen.getByText('Enable KMS encryption on the database'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Rego source/ }));

    expect(await screen.findByText(/finops.io\/encrypted/)).toBeVisible();
  });

  it('marks a rule that only warns as advisory', () => {
    renderInTestApp(<PolicyRuleCard rule={currentVersion.rules[1]} />);

    expect(screen.getByText('Advisory')).toBeInTheDocument();
  });
});
