import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { doraMetrics } from '../../__testUtils__/fixtures';
import { DoraMetricsSummary } from './DoraMetricsSummary';

function figure(label: string) {
  return within(screen.getByRole('group', { name: label }));
}

describe('DoraMetricsSummary', () => {
  it('shows each metric with its DORA rating', async () => {
    renderInTestApp(<DoraMetricsSummary metrics={doraMetrics()} />);

    expect(
      figure('Deployment frequency').getByText('1.5 per day'),
    ).toBeVisible();
    expect(figure('Deployment frequency').getByText('Elite')).toBeVisible();
    expect(
      figure('Deployment frequency').getByText('45 deployments'),
    ).toBeVisible();
    expect(figure('Lead time for changes').getByText('30 hours')).toBeVisible();
    expect(figure('Lead time for changes').getByText('High')).toBeVisible();
    expect(figure('Change failure rate').getByText('20%')).toBeVisible();
    expect(figure('Change failure rate').getByText('Low')).toBeVisible();
    expect(
      figure('Change failure rate').getByText('9 of 45 deployments failed'),
    ).toBeVisible();
    expect(figure('Time to restore').getByText('30 min')).toBeVisible();
    expect(figure('Time to restore').getByText('Elite')).toBeVisible();
  });

  it('rates nothing that has no data', async () => {
    renderInTestApp(
      <DoraMetricsSummary
        metrics={doraMetrics({
          deploymentFrequency: { deployments: 2, perDay: 2 / 30 },
          changeFailureRate: { failed: 0, total: 2, rate: 0 },
          timeToRestore: { samples: 0, medianHours: null },
        })}
      />,
    );

    expect(
      figure('Deployment frequency').getByText('0.5 per week'),
    ).toBeVisible();
    expect(figure('Deployment frequency').getByText('Medium')).toBeVisible();
    expect(figure('Change failure rate').getByText('0%')).toBeVisible();
    expect(figure('Time to restore').getByText('—')).toBeVisible();
    expect(
      figure('Time to restore').getByText('Nothing to measure yet'),
    ).toBeVisible();
    expect(
      figure('Time to restore').queryByText(/Elite|High|Medium|Low/),
    ).not.toBeInTheDocument();
  });
});
