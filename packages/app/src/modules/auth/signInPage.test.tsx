import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { FinOpsSignInPage } from './signInPage';
import { oidcAuthApiRef } from './oidcAuthApi';

// A signed-out identity provider session: the page must offer the button.
const signedOutOidc = {
  getBackstageIdentity: jest.fn().mockResolvedValue(undefined),
  getProfile: jest.fn().mockResolvedValue(undefined),
  getIdToken: jest.fn(),
  signIn: jest.fn(),
  signOut: jest.fn(),
  sessionState$: jest.fn(),
};

const baseConfig = {
  app: { title: 'FinOps Platform' },
  backend: { baseUrl: 'http://localhost:7007' },
};

describe('FinOpsSignInPage', () => {
  it('offers guest sign-in when nothing is configured', async () => {
    await renderInTestApp(<FinOpsSignInPage onSignInSuccess={jest.fn()} />, {
      config: baseConfig,
      apis: [[oidcAuthApiRef, signedOutOidc]],
    });
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Single sign-on')).not.toBeInTheDocument();
  });

  it('offers only the identity provider when configured for OIDC', async () => {
    await renderInTestApp(<FinOpsSignInPage onSignInSuccess={jest.fn()} />, {
      config: { ...baseConfig, finops: { signIn: { provider: 'oidc' } } },
      apis: [[oidcAuthApiRef, signedOutOidc]],
    });
    expect(await screen.findByText('Single sign-on')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });
});
