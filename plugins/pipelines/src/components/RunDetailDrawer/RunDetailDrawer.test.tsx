import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import { run } from '../../__testUtils__/fixtures';
import { RunDetailDrawer } from './RunDetailDrawer';

function renderDrawer(api: PipelinesApi, onClose = jest.fn()) {
  return renderInTestApp(<RunDetailDrawer run={run()} onClose={onClose} />, {
    apis: [[pipelinesApiRef, api]],
  });
}

describe('RunDetailDrawer', () => {
  it('shows the jobs on a timeline, their steps and the artifacts', async () => {
    const api = fakePipelinesApi();
    renderDrawer(api);

    const timeline = await screen.findByRole('list', { name: 'Job timeline' });
    expect(api.getRun).toHaveBeenCalledWith('9100');
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map(j => j.getAttribute('aria-label')),
    ).toEqual([
      'build: from 0s to 2m 00s, succeeded',
      'integration tests: from 2m 05s to 7m 05s, failed',
    ]);
    expect(
      screen.getByRole('region', { name: 'Job integration tests' }),
    ).toHaveTextContent('Run suite');
    expect(screen.getByText('sbom.spdx.json')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'CI #412' })).toBeVisible();
  });

  it("shows the server's message when the run cannot be loaded", async () => {
    const error = await responseError(404, 'NotFoundError', 'No run 9100');
    renderDrawer(
      fakePipelinesApi({
        getRun: async () => {
          throw error;
        },
      }),
    );

    expect(await screen.findByText('No run 9100')).toBeInTheDocument();
    // What the table knew is still there.
    expect(screen.getByText(/commit 9f8e7d6/)).toBeInTheDocument();
  });

  it('closes on request', async () => {
    const onClose = jest.fn();
    renderDrawer(fakePipelinesApi(), onClose);

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    expect(onClose).toHaveBeenCalled();
  });
});
