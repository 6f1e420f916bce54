import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { run } from '../../__testUtils__/fixtures';
import { RunsTable } from './RunsTable';

describe('RunsTable', () => {
  it('shows each run with its outcome, short commit, actor, duration and GitHub link', async () => {
    renderInTestApp(
      <RunsTable
        runs={[
          run(),
          run({
            id: '9099',
            runNumber: 411,
            conclusion: 'failure',
            headBranch: 'feature/refunds',
            actor: 'carol',
            durationMs: 65_000,
          }),
        ]}
        onOpen={jest.fn()}
      />,
    );

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByText('CI #412')).toBeInTheDocument();
    expect(first.getByText('Succeeded')).toBeInTheDocument();
    expect(first.getByText('9f8e7d6')).toBeInTheDocument();
    expect(first.getByText('alice')).toBeInTheDocument();
    expect(first.getByText('7m 07s')).toBeInTheDocument();
    expect(
      first.getByRole('link', { name: 'CI #412 on GitHub' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/finops/card-payments/actions/runs/9100',
    );
    const second = within(rows[1]);
    expect(second.getByText('Failed')).toBeInTheDocument();
    expect(second.getByText('feature/refunds')).toBeInTheDocument();
    expect(second.getByText('1m 05s')).toBeInTheDocument();
  });

  it('opens the run a user clicks', async () => {
    const onOpen = jest.fn();
    renderInTestApp(<RunsTable runs={[run()]} onOpen={onOpen} />);

    await userEvent.click(screen.getByRole('button', { name: 'CI #412' }));

    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ id: '9100' }),
    );
  });
  it('offers to re-run failed runs only', async () => {
    const onRerun = jest.fn();
    const failed = run({ id: '9099', runNumber: 411, conclusion: 'failure' });
    renderInTestApp(
      <RunsTable runs={[run(), failed]} onOpen={jest.fn()} onRerun={onRerun} />,
    );

    const rerun = screen.getByRole('button', { name: /^Re-run failed jobs/ });
    expect(rerun).toHaveAccessibleName('Re-run failed jobs of CI #411');
    await userEvent.click(rerun);
    expect(onRerun).toHaveBeenCalledWith(failed);
  });

  it('keeps the re-run disabled, saying why, while there is a reason', async () => {
    const onRerun = jest.fn();
    renderInTestApp(
      <RunsTable
        runs={[run({ id: '9099', runNumber: 411, conclusion: 'failure' })]}
        onOpen={jest.fn()}
        onRerun={onRerun}
        rerunDisabledReason="Only the owners of this entity deploy it."
      />,
    );

    const rerun = screen.getByRole('button', {
      name: 'Re-run failed jobs of CI #411',
    });
    expect(rerun).toBeDisabled();
    expect(rerun.closest('[title]')).toHaveAttribute(
      'title',
      'Only the owners of this entity deploy it.',
    );
    expect(
      screen.getByText('Only the owners of this entity deploy it.'),
    ).toBeInTheDocument();
    await userEvent.click(rerun);
    expect(onRerun).not.toHaveBeenCalled();
  });
});
