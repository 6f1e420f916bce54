import { stat } from 'node:fs/promises';
import {
  FakePortal,
  sendError,
  sendJson,
} from '../../__testUtils__/fakePortal';
import { runFinops, temporaryConfigHome } from '../../__testUtils__/runFinops';
import { CredentialStore } from '../../auth/CredentialStore';

describe('finops login with a token', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
    portal.on('GET', '/api/catalog/entities', (req, res) =>
      req.headers.authorization === 'Bearer good-token'
        ? sendJson(res, 200, [])
        : sendError(res, 401, 'AuthenticationError', 'Illegal token'),
    );
  });
  afterEach(() => portal.close());

  it('checks FINOPS_TOKEN and stores nothing without --save', async () => {
    const configHome = await temporaryConfigHome();
    const run = await runFinops(['login', '--portal', portal.url], {
      configHome,
      env: { FINOPS_TOKEN: 'good-token' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `The portal at ${portal.url} accepts the token in FINOPS_TOKEN.\n` +
        'It is not stored: every command reads FINOPS_TOKEN. Pass --save to store it.\n',
    );
    const store = CredentialStore.fromEnvironment({
      XDG_CONFIG_HOME: configHome,
    });
    await expect(stat(store.file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stores FINOPS_TOKEN with --save, 0600, and later commands use it', async () => {
    const configHome = await temporaryConfigHome();
    const run = await runFinops(
      ['login', '--save', '--json', '--portal', portal.url],
      {
        configHome,
        env: { FINOPS_TOKEN: 'good-token' },
      },
    );
    expect(run.exitCode).toBe(0);
    const store = CredentialStore.fromEnvironment({
      XDG_CONFIG_HOME: configHome,
    });
    expect(JSON.parse(run.stdout)).toEqual({
      portal: portal.url,
      kind: 'service',
      source: 'FINOPS_TOKEN',
      stored: true,
      credentialsFile: store.file,
      accepted: true,
    });
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect(await store.get(portal.url)).toMatchObject({
      kind: 'static',
      token: 'good-token',
    });

    // No --portal, no FINOPS_TOKEN: the stored portal and token.
    const whoami = await runFinops(['whoami'], { configHome });
    expect(whoami.exitCode).toBe(0);
    expect(whoami.stdout).toContain(`portal:     ${portal.url}`);
    expect(portal.requests.at(-1)?.authorization).toBe('Bearer good-token');
  });

  it('reads --token-stdin and refuses a token the portal rejects, storing nothing', async () => {
    const configHome = await temporaryConfigHome();
    const rejected = await runFinops(
      ['login', '--token-stdin', '--portal', portal.url],
      {
        configHome,
        deps: { readStdin: async () => 'bad-token\n' },
      },
    );
    expect(rejected.exitCode).toBe(3);
    expect(rejected.stderr).toBe(
      `finops: The portal at ${portal.url} rejected the token from stdin: check it; nothing was stored\n`,
    );
    const store = CredentialStore.fromEnvironment({
      XDG_CONFIG_HOME: configHome,
    });
    expect(await store.get(portal.url)).toBeUndefined();

    const accepted = await runFinops(
      ['login', '--token-stdin', '--portal', portal.url],
      {
        configHome,
        deps: { readStdin: async () => 'good-token\n' },
      },
    );
    expect(accepted.exitCode).toBe(0);
    expect(await store.get(portal.url)).toMatchObject({ token: 'good-token' });
  });

  it('says how to sign in when the portal does not offer command-line sign-in', async () => {
    portal.on(
      'GET',
      '/api/auth/.well-known/openid-configuration',
      (_req, res) =>
        sendJson(res, 200, {
          authorization_endpoint: `${portal.url}/api/auth/v1/authorize`,
          token_endpoint: `${portal.url}/api/auth/v1/token`,
          userinfo_endpoint: `${portal.url}/api/auth/v1/userinfo`,
          scopes_supported: ['openid'],
        }),
    );
    const run = await runFinops(['login', '--portal', portal.url]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `finops: The portal at ${portal.url} does not offer command-line sign-in (its auth backend needs auth.clientIdMetadataDocuments.enabled): use a token instead, with FINOPS_TOKEN or finops login --token-stdin\n`,
    );
  });
});
