import { CliError } from '../lib/CliError';
import { CredentialStore, StoredUserSession } from './CredentialStore';
import { TokenResponse } from './oidc';

/** What a command authenticates with, and where it came from. */
export type ActiveCredentials =
  | { kind: 'none' }
  /** FINOPS_TOKEN: a static external-access token; never stored by us. */
  | { kind: 'env'; token: string }
  /** A static token stored by `finops login --token-stdin` or `--save`. */
  | { kind: 'static'; token: string }
  /** A person's browser sign-in. */
  | {
      kind: 'user';
      token: string;
      userEntityRef: string;
      expiresAt: number;
      refreshable: boolean;
    };

/** Refresh a little early, so a token never expires mid-command. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * FINOPS_TOKEN wins (CI sets it and expects nothing else to matter); else
 * what `finops login` stored for this portal, refreshed through the auth
 * backend when it is about to expire and the portal issued a refresh token.
 */
export async function resolveCredentials(options: {
  portalUrl: string;
  env: NodeJS.ProcessEnv;
  store: CredentialStore;
  now: () => number;
  refresh: (session: StoredUserSession) => Promise<TokenResponse>;
}): Promise<ActiveCredentials> {
  const fromEnv = options.env.FINOPS_TOKEN?.trim();
  if (fromEnv) return { kind: 'env', token: fromEnv };

  const stored = await options.store.get(options.portalUrl);
  if (!stored) return { kind: 'none' };
  if (stored.kind === 'static') return { kind: 'static', token: stored.token };

  let session = stored;
  if (session.accessTokenExpiresAt - REFRESH_MARGIN_MS <= options.now()) {
    if (!session.refreshToken) {
      throw CliError.notSignedIn('Your session expired: run finops login');
    }
    const token = await options.refresh(session);
    session = {
      ...session,
      accessToken: token.access_token,
      accessTokenExpiresAt: options.now() + token.expires_in * 1000,
      refreshToken: token.refresh_token ?? session.refreshToken,
    };
    await options.store.save(options.portalUrl, session, {
      makeCurrent: false,
    });
  }
  return {
    kind: 'user',
    token: session.accessToken,
    userEntityRef: session.userEntityRef,
    expiresAt: session.accessTokenExpiresAt,
    refreshable: Boolean(session.refreshToken),
  };
}
