import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { runDetail } from '../../__testUtils__/fixtures';
import { JobSteps } from './JobSteps';

describe('JobSteps', () => {
  it('lists the steps in order with their outcome and duration', async () => {
    renderInTestApp(<JobSteps job={runDetail().jobs[0]} />);

    const job = screen.getByRole('region', { name: 'Job build' });
    const steps = within(job).getAllByRole('listitem');
    expect(steps.map(s => s.textContent)).toEqual([
      'SucceededCheck out4s',
      'SucceededCompile1m 56s',
    ]);
    expect(within(job).getByText('2m 00s')).toBeInTheDocument();
    expect(within(job).getByRole('link', { name: 'Logs' })).toHaveAttribute(
      'href',
      'https://github.com/finops/card-payments/actions/runs/9100/job/51',
    );
  });
});
