import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import { PolicyBrowser } from './PolicyBrowser';

function renderBrowser(api: PolicyApi) {
  renderInTestApp(<PolicyBrowser />, { apis: [[policyApiRef, api]] });
}

describe('PolicyBrowser', () => {
  it('groups the current rules by decision point and lists versions', async () => {
    renderBrowser(fakePolicyApi());

    const catalog = await screen.findByRole('region', {
      name: 'catalog rules',
    });
    expect(
      within(catalog).getByText('Data stores are encrypted at rest'),
    ).toBeInTheDocument();
    const deploy = screen.getByRole('region', { name: 'deploy rules' });
    expect(
      within(deploy).getByText(
        'Production deploys happen inside the change window',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'scaffolder rules' }),
    ).not.toBeInTheDocument();
    expect(await screen.findByText('Current')).toBeInTheDocument();
  });

  it('still lists versions when the policy engine cannot list rules', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'OPA server unreachable',
    );
    renderBrowser(
      fakePolicyApi({
        getCurrentRules: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('OPA server unreachable'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Current')).toBeInTheDocument();
  });
});
