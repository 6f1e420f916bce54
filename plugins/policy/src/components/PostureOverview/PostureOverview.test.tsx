import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import { posture } from '../../__testUtils__/fixtures';
import { PostureOverview } from './PostureOverview';

function renderPosture(api: PolicyApi) {
  renderInTestApp(<PostureOverview />, {
    apis: [[policyApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('PostureOverview', () => {
  it('shows the totals, frameworks and owners of the last 30 days', async () => {
    const api = fakePolicyApi();
    renderPosture(api);

    const compliant = await screen.findByRole('group', { name: 'Compliant' });
    expect(within(compliant).getByText('97')).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Non-compliant' })).getByText(
        '23',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Unknown' })).getByText('8'),
    ).toBeInTheDocument();
    expect(screen.getByText('PCI-DSS 3.5')).toBeInTheDocument();
    expect(screen.getByText('4 of 12')).toBeInTheDocument();
    expect(api.getPosture).toHaveBeenCalledWith({ days: 30 });
  });

  it('explains an empty catalog instead of showing zeros', async () => {
    renderPosture(
      fakePolicyApi({
        getPosture: async () => ({
          ...posture,
          entities: { total: 0, pass: 0, fail: 0, unknown: 0 },
        }),
      }),
    );

    expect(
      await screen.findByText('No entity has been evaluated yet'),
    ).toBeInTheDocument();
  });

  it("shows the server's message when the posture cannot be loaded", async () => {
    const error = await responseError(500, 'Error', 'Posture query timed out');
    renderPosture(
      fakePolicyApi({
        getPosture: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Posture query timed out'),
    ).toBeInTheDocument();
  });
});
