import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { deployment, environment } from '../../__testUtils__/fixtures';
import { EnvironmentColumn } from './EnvironmentColumn';

describe('EnvironmentColumn', () => {
  it('shows the current version, who deployed it, and the history newest first', async () => {
    renderInTestApp(
      <EnvironmentColumn
        environment={environment('production', [
          deployment({
            id: 'd-1',
            version: 'v1.3.0',
            status: 'inactive',
            createdAt: '2026-05-20T10:00:00Z',
          }),
          deployment({
            id: 'd-3',
            version: 'v1.3.0',
            rollback: true,
            triggeredBy: 'dave',
            approvedBy: 'erin',
            createdAt: '2026-06-01T10:00:00Z',
          }),
          deployment({
            id: 'd-2',
            version: 'v1.4.0',
            status: 'rolled_back',
            createdAt: '2026-05-28T10:00:00Z',
          }),
        ])}
      />,
    );

    const column = screen.getByRole('region', { name: 'production' });
    expect(
      within(column).getByText('Triggered by dave, approved by erin'),
    ).toBeVisible();
    const history = within(
      within(column).getByRole('list', { name: 'production history' }),
    ).getAllByRole('listitem');
    expect(history.map(h => h.textContent)).toEqual([
      expect.stringMatching(/^v1\.3\.0SucceededRollback/),
      expect.stringMatching(/^v1\.4\.0Rolled back/),
      expect.stringMatching(/^v1\.3\.0Superseded/),
    ]);
  });

  it('warns when the latest deployment failed while an older one still runs', async () => {
    renderInTestApp(
      <EnvironmentColumn
        environment={{
          environment: 'staging',
          current: deployment({ id: 'd-1', environment: 'staging' }),
          history: [
            deployment({
              id: 'd-2',
              version: 'v1.5.0-rc.1',
              status: 'failure',
              createdAt: '2026-06-03T10:00:00Z',
            }),
            deployment({ id: 'd-1', environment: 'staging' }),
          ],
        }}
      />,
    );

    expect(
      screen.getByText('The latest deployment, v1.5.0-rc.1, did not succeed.'),
    ).toBeInTheDocument();
  });

  it('says so when nothing was ever deployed', async () => {
    renderInTestApp(<EnvironmentColumn environment={environment('dev', [])} />);

    expect(
      screen.getByText('Nothing has been deployed here successfully.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No deployments recorded.')).toBeInTheDocument();
  });
});
