import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { doraMetrics } from '../../__testUtils__/fixtures';
import { WeeklyDeploymentsChart } from './WeeklyDeploymentsChart';

describe('WeeklyDeploymentsChart', () => {
  it('sums up the weeks it draws', async () => {
    renderInTestApp(<WeeklyDeploymentsChart weekly={doraMetrics().weekly} />);

    expect(
      screen.getByRole('img', {
        name: '45 production deployments and 9 failures over 4 weeks',
      }),
    ).toBeInTheDocument();
  });

  it('says so when nothing was deployed', async () => {
    renderInTestApp(
      <WeeklyDeploymentsChart
        weekly={[{ weekStart: '2026-05-04', deployments: 0, failures: 0 }]}
      />,
    );

    expect(
      screen.getByText('No production deployments in this period.'),
    ).toBeInTheDocument();
  });
});
