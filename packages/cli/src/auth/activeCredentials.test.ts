import { temporaryConfigHome } from '../__testUtils__/runFinops';
import { resolveCredentials } from './activeCredentials';
import { CredentialStore, StoredUserSession } from './CredentialStore';

const PORTAL = 'https://portal.example.com';
const NOW = Date.parse('2025-06-01T12:00:00Z');

function userSession(
  overrides: Partial<StoredUserSession> = {},
): StoredUserSession {
  return {
    kind: 'user',
    userEntityRef: 'user:default/jane',
    accessToken: 'access-1',
    accessTokenExpiresAt: NOW + 3_600_000,
    refreshToken: 'refresh-1',
    clientId: `${PORTAL}/api/auth/.well-known/oauth-client/cli.json`,
    tokenEndpoint: `${PORTAL}/api/auth/v1/token`,
    signedInAt: '2025-06-01T11:00:00Z',
    ...overrides,
  };
}

async function storeWith(session?: StoredUserSession) {
  const store = CredentialStore.fromEnvironment({
    XDG_CONFIG_HOME: await temporaryConfigHome(),
  });
  if (session) await store.save(PORTAL, session);
  return store;
}

describe('resolveCredentials', () => {
  const refresh = jest.fn();
  beforeEach(() => refresh.mockReset());

  it('uses FINOPS_TOKEN over anything stored', async () => {
    const store = await storeWith(userSession());
    await expect(
      resolveCredentials({
        portalUrl: PORTAL,
        env: { FINOPS_TOKEN: ' ci-token\n' },
        store,
        now: () => NOW,
        refresh,
      }),
    ).resolves.toEqual({ kind: 'env', token: 'ci-token' });
  });

  it('uses a valid stored session as is', async () => {
    const store = await storeWith(userSession());
    await expect(
      resolveCredentials({
        portalUrl: PORTAL,
        env: {},
        store,
        now: () => NOW,
        refresh,
      }),
    ).resolves.toMatchObject({
      kind: 'user',
      token: 'access-1',
      refreshable: true,
    });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes a session about to expire and stores the new tokens', async () => {
    const store = await storeWith(
      userSession({ accessTokenExpiresAt: NOW + 30_000 }),
    );
    refresh.mockResolvedValue({
      access_token: 'access-2',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'refresh-2',
    });
    await expect(
      resolveCredentials({
        portalUrl: PORTAL,
        env: {},
        store,
        now: () => NOW,
        refresh,
      }),
    ).resolves.toMatchObject({
      kind: 'user',
      token: 'access-2',
      expiresAt: NOW + 3_600_000,
    });
    expect(refresh).toHaveBeenCalledWith(
      expect.objectContaining({ refreshToken: 'refresh-1' }),
    );
    expect(await store.get(PORTAL)).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
    });
  });

  it('asks to sign in again when the session expired and cannot be refreshed', async () => {
    const store = await storeWith(
      userSession({ accessTokenExpiresAt: NOW - 1, refreshToken: undefined }),
    );
    await expect(
      resolveCredentials({
        portalUrl: PORTAL,
        env: {},
        store,
        now: () => NOW,
        refresh,
      }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: 'Your session expired: run finops login',
    });
  });

  it('is none when nothing is stored for this portal', async () => {
    const store = await storeWith(userSession());
    await expect(
      resolveCredentials({
        portalUrl: 'https://other.example.com',
        env: {},
        store,
        now: () => NOW,
        refresh,
      }),
    ).resolves.toEqual({ kind: 'none' });
  });
});
