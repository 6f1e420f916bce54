import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AddressInfo } from 'node:net';
import { runFinops, temporaryConfigHome } from '../__testUtils__/runFinops';
import { CredentialStore } from './CredentialStore';

/**
 * `finops login` against Backstage's own auth backend (the plugin the portal
 * runs), with command-line sign-in and offline access enabled, and a person
 * simulated where the browser would be: they follow the authorization URL,
 * are signed in to the portal (guest provider) and approve on the consent
 * page's API, and the browser follows the redirect back to finops.
 */
jest.setTimeout(30_000);

describe('finops login in a browser (OAuth 2.0 + PKCE, Client ID Metadata Document)', () => {
  const previousNodeEnv = process.env.NODE_ENV;
  let portalUrl: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    // The auth backend only accepts an http://localhost client in
    // development, as a portal run locally is.
    process.env.NODE_ENV = 'development';
    const backend = await startTestBackend({
      features: [
        authPlugin,
        guestProvider,
        // Real tokens, as the portal issues and checks them.
        authServiceFactory,
        httpAuthServiceFactory,
        userInfoServiceFactory,
        // Offline access renews only sessions of users the catalog has.
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'guest', namespace: 'development' },
              spec: {},
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              clientIdMetadataDocuments: { enabled: true },
              experimentalRefreshToken: { enabled: true },
              providers: { guest: {} },
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    portalUrl = `http://localhost:${port}`;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    process.env.NODE_ENV = previousNodeEnv;
  });

  /** The person at the browser: signs in as the guest and approves. */
  async function approveInBrowser(
    authorizeUrl: string,
    decision: 'approve' | 'reject',
  ) {
    const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const consentPage = new URL(authorize.headers.get('location')!);
    // The portal's consent page, /oauth2/authorize/<session>.
    expect(consentPage.pathname).toMatch(
      /^\/oauth2\/authorize\/[0-9a-f-]{36}$/,
    );
    const sessionId = consentPage.pathname.split('/').pop();
    const guest = await fetch(`${portalUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const { backstageIdentity } = await guest.json();
    const answer = await fetch(
      `${portalUrl}/api/auth/v1/sessions/${sessionId}/${decision}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${backstageIdentity.token}` },
      },
    );
    expect(answer.status).toBe(200);
    const { redirectUrl } = await answer.json();
    // The browser follows the redirect to finops' loopback address.
    await fetch(redirectUrl);
  }

  it('signs a person in, stores the session 0600, and refreshes it later', async () => {
    const configHome = await temporaryConfigHome();
    const announced: string[] = [];
    const login = await runFinops(['login', '--portal', portalUrl], {
      configHome,
      deps: {
        openBrowser: async url => {
          announced.push(url);
          // Not awaited by finops: the approval happens while it waits.
          setTimeout(() => approveInBrowser(url, 'approve'), 10);
        },
      },
    });
    expect(login.stderr).toBe('');
    expect(login.exitCode).toBe(0);
    expect(login.stdout).toContain(
      `✔ Signed in to ${portalUrl} as user:development/guest.`,
    );
    expect(login.stdout).toContain(
      'The session renews itself until you run finops logout.',
    );

    const authorize = new URL(announced[0]);
    expect(authorize.origin + authorize.pathname).toBe(
      `${portalUrl}/api/auth/v1/authorize`,
    );
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: `${portalUrl}/api/auth/.well-known/oauth-client/cli.json`,
      redirect_uri: 'http://127.0.0.1:8055/callback',
      response_type: 'code',
      scope: 'openid offline_access',
      code_challenge_method: 'S256',
    });

    const store = CredentialStore.fromEnvironment({
      XDG_CONFIG_HOME: configHome,
    });
    const stored = await store.get(portalUrl);
    expect(stored).toMatchObject({
      kind: 'user',
      userEntityRef: 'user:development/guest',
      refreshToken: expect.any(String),
    });

    const whoami = await runFinops(['whoami', '--json'], { configHome });
    expect(whoami.exitCode).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      portal: portalUrl,
      kind: 'user',
      userEntityRef: 'user:development/guest',
      refreshable: true,
    });

    // An hour later the access token has expired: the next command renews it.
    const later = Date.now() + 2 * 3_600_000;
    const renewed = await runFinops(['whoami', '--json'], {
      configHome,
      deps: { now: () => later },
    });
    expect(renewed.exitCode).toBe(0);
    const after = await store.get(portalUrl);
    expect(after).toMatchObject({ kind: 'user' });
    expect((after as { accessToken: string }).accessToken).not.toBe(
      (stored as { accessToken: string }).accessToken,
    );

    const logout = await runFinops(['logout'], { configHome });
    expect(logout.stderr).toBe('');
    expect(logout.stdout).toBe(
      `Signed out of ${portalUrl} (the session was revoked).\n`,
    );
    expect(await store.get(portalUrl)).toBeUndefined();
    // Revoked: the portal no longer renews that session.
    const reuse = await fetch(`${portalUrl}/api/auth/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: (after as { refreshToken: string }).refreshToken,
      }),
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('exits 3 when the person refuses in the browser', async () => {
    const run = await runFinops(['login', '--portal', portalUrl], {
      deps: {
        openBrowser: async url => {
          setTimeout(() => approveInBrowser(url, 'reject'), 10);
        },
      },
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe(
      'finops: The sign-in was not completed in the browser (User denied the request): run finops login again\n',
    );
  });

  it('prints the URL instead of opening a browser with --no-browser', async () => {
    const openBrowser = jest.fn();
    const run = runFinops(
      ['login', '--no-browser', '--wait', '1', '--portal', portalUrl],
      {
        deps: { openBrowser },
      },
    );
    const result = await run;
    expect(openBrowser).not.toHaveBeenCalled();
    expect(result.stdout).toContain(
      `Sign in to ${portalUrl} in your browser:\n  ${portalUrl}/api/auth/v1/authorize?client_id=`,
    );
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toBe(
      'finops: No sign-in arrived within 1 s: run finops login again (--wait gives more time)\n',
    );
  });
});
