import { render, screen, within } from '@testing-library/react';
import { job } from '../../__testUtils__/fixtures';
import { JobTimeline } from './JobTimeline';

describe('JobTimeline', () => {
  it('places every job on the run time axis', () => {
    render(
      <JobTimeline
        runStartedAt="2026-06-02T08:00:00Z"
        jobs={[
          job({
            name: 'build',
            startedAt: '2026-06-02T08:00:00Z',
            completedAt: '2026-06-02T08:02:00Z',
          }),
          job({
            id: '52',
            name: 'deploy',
            conclusion: 'failure',
            startedAt: '2026-06-02T08:02:00Z',
            completedAt: '2026-06-02T08:04:00Z',
          }),
          job({
            id: '53',
            name: 'notify',
            status: 'queued',
            conclusion: null,
            startedAt: null,
            completedAt: null,
          }),
        ]}
      />,
    );

    const jobs = within(
      screen.getByRole('list', { name: 'Job timeline' }),
    ).getAllByRole('listitem');
    expect(jobs.map(j => j.getAttribute('aria-label'))).toEqual([
      'build: from 0s to 2m 00s, succeeded',
      'deploy: from 2m 00s to 4m 00s, failed',
      'notify: not started',
    ]);
    expect(within(jobs[2]).getByText('Not started')).toBeInTheDocument();
    // The axis ends where the last job did.
    expect(screen.getByText('4m 00s')).toBeInTheDocument();
  });

  it('lets a running job reach to now', () => {
    render(
      <JobTimeline
        runStartedAt="2026-06-02T08:00:00Z"
        now={new Date('2026-06-02T08:01:30Z').getTime()}
        jobs={[
          job({
            status: 'in_progress',
            conclusion: null,
            startedAt: '2026-06-02T08:00:30Z',
            completedAt: null,
          }),
        ]}
      />,
    );

    expect(
      screen.getByRole('listitem', {
        name: 'build: from 30s to 1m 30s, in progress',
      }),
    ).toBeInTheDocument();
  });
});
