import { CliError } from '../lib/CliError';
import { PortalSession } from '../portal/PortalSession';
import { StoredUserSession } from './CredentialStore';
import { userEntityRefOf } from './jwtClaims';
import { LoopbackCallback } from './loopbackCallback';
import { requestToken } from './oidc';
import { createPkcePair, createState } from './pkce';

/**
 * A person's sign-in, the way Backstage's own CLI does it
 * (`@backstage/cli-module-auth`): OAuth 2.0 authorization code with PKCE
 * against the portal's auth backend, the client identified by the Client ID
 * Metadata Document the auth backend serves for command-line tools
 * (`/api/auth/.well-known/oauth-client/cli.json`), the browser returning to
 * a loopback redirect. The person approves on the portal's consent page,
 * signed in with the portal's usual provider; finops never sees a password.
 */
export async function signInWithBrowser(options: {
  session: PortalSession;
  openBrowser: (url: string) => Promise<void>;
  noBrowser: boolean;
  waitMs: number;
  announce: (text: string) => void;
  now: () => number;
}): Promise<StoredUserSession> {
  const { session } = options;
  const authBaseUrl = await session.discoveryApi.getBaseUrl('auth');
  const oidc = await session.oidc();
  const clientId = `${authBaseUrl}/.well-known/oauth-client/cli.json`;
  const redirectUri = await readLoopbackRedirect(session, clientId);

  const { verifier, challenge } = createPkcePair();
  const state = createState();
  const callback = await LoopbackCallback.listen({ redirectUri, state });
  try {
    const authorize = new URL(oidc.authorizationEndpoint);
    authorize.search = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      // offline_access: a refresh token, when the portal allows it, so the
      // session outlives the one-hour access token.
      scope: oidc.scopesSupported.includes('offline_access')
        ? 'openid offline_access'
        : 'openid',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();

    options.announce(
      `Sign in to ${session.portalUrl} in your browser:\n  ${authorize}\n` +
        `Waiting for the browser to return to ${redirectUri} ...`,
    );
    if (!options.noBrowser) {
      await options
        .openBrowser(authorize.toString())
        .catch(error =>
          options.announce(
            `Could not open a browser (${
              (error as Error).message
            }): open the URL above yourself.`,
          ),
        );
    }
    const { code } = await callback.waitForCode(options.waitMs);
    const token = await requestToken(
      oidc.tokenEndpoint,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        client_id: clientId,
      },
      session.httpFetch,
    );
    const userEntityRef = userEntityRefOf(token.access_token);
    if (!userEntityRef) {
      throw CliError.failure(
        'The portal signed you in without naming a user: check its sign-in resolvers',
      );
    }
    return {
      kind: 'user',
      userEntityRef,
      accessToken: token.access_token,
      accessTokenExpiresAt: options.now() + token.expires_in * 1000,
      refreshToken: token.refresh_token,
      clientId,
      tokenEndpoint: oidc.tokenEndpoint,
      revocationEndpoint: oidc.revocationEndpoint,
      signedInAt: new Date(options.now()).toISOString(),
    };
  } finally {
    await callback.close();
  }
}

/**
 * The redirect the portal registered for command-line clients, from its
 * metadata document; only a loopback one can reach this process.
 */
async function readLoopbackRedirect(
  session: PortalSession,
  clientId: string,
): Promise<string> {
  const response = await session.httpFetch(clientId);
  if (response.status === 404) {
    throw CliError.failure(
      `The portal at ${session.portalUrl} does not offer command-line sign-in ` +
        '(its auth backend needs auth.clientIdMetadataDocuments.enabled): ' +
        'use a token instead, with FINOPS_TOKEN or finops login --token-stdin',
    );
  }
  if (!response.ok) {
    throw CliError.failure(
      `The portal's command-line client metadata answered ${response.status}: try again later`,
    );
  }
  const metadata = (await response.json()) as { redirect_uris?: unknown };
  const loopback = (
    Array.isArray(metadata.redirect_uris) ? metadata.redirect_uris : []
  ).find((uri): uri is string => {
    if (typeof uri !== 'string' || !URL.canParse(uri)) return false;
    const url = new URL(uri);
    return (
      url.protocol === 'http:' &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    );
  });
  if (!loopback) {
    throw CliError.failure(
      'The portal registered no loopback redirect for command-line sign-in: use FINOPS_TOKEN or finops login --token-stdin',
    );
  }
  return loopback;
}
