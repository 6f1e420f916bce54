import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { VaultApiServer } from './testUtils/vault';
import { secretsPlugin } from './plugin';

jest.setTimeout(30_000);

async function startSecretsBackend(config: object) {
  const { server } = await startTestBackend({
    features: [
      secretsPlugin,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return server;
}

describe('GET /api/secrets/status', () => {
  const servers: VaultApiServer[] = [];

  async function vaultServer() {
    const server = await VaultApiServer.start({ version: '1.18.3' });
    servers.push(server);
    return server;
  }

  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()));
  });

  it('says that Vault is not configured and how to configure it', async () => {
    const backend = await startSecretsBackend({});
    const res = await request(backend).get('/api/secrets/status');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      configured: false,
      instances: [],
      help: expect.stringContaining('secrets.vault.instances'),
    });
  });

  it('reports every instance, the sealed and the silent ones too', async () => {
    const [active, sealed, down] = [
      await vaultServer(),
      await vaultServer(),
      await vaultServer(),
    ];
    sealed.seal();
    down.setDown(true);
    const instance = (name: string, server: VaultApiServer) => ({
      name,
      baseUrl: server.url,
      auth: { type: 'token', token: server.rootToken },
    });
    const backend = await startSecretsBackend({
      secrets: {
        vault: {
          defaultInstance: 'main',
          instances: [
            { ...instance('main', active), uiUrl: 'https://vault/ui' },
            instance('dr', sealed),
            { ...instance('old', down), timeoutMs: 500 },
          ],
        },
      },
    });

    const res = await request(backend).get('/api/secrets/status');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      configured: true,
      instances: [
        {
          name: 'main',
          default: true,
          reachable: true,
          initialized: true,
          sealed: false,
          version: '1.18.3',
          message: 'Vault main is active',
          uiUrl: 'https://vault/ui',
        },
        {
          name: 'dr',
          default: false,
          reachable: true,
          initialized: true,
          sealed: true,
          version: '1.18.3',
          message:
            'Vault dr is sealed: unseal it before secrets can be provisioned',
        },
        {
          name: 'old',
          default: false,
          reachable: false,
          initialized: null,
          sealed: null,
          version: null,
          message: expect.stringMatching(
            /^Vault old did not answer GET sys\/health: connection failed/,
          ),
        },
      ],
    });
    const body = JSON.stringify(res.body);
    for (const server of [active, sealed, down]) {
      expect(body).not.toContain(server.rootToken);
    }
    // Health needs no token: the portal's token was never sent.
    expect(active.requests.every(r => !r.hasToken)).toBe(true);
  });

  it('needs a user or service credential', async () => {
    const backend = await startSecretsBackend({});
    const none = await request(backend)
      .get('/api/secrets/status')
      .set('authorization', mockCredentials.none.header());
    expect(none.status).toBe(401);
    const service = await request(backend)
      .get('/api/secrets/status')
      .set('authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
  });

  it('stops the backend when secrets.vault is wrong', async () => {
    await expect(
      startSecretsBackend({
        secrets: {
          vault: {
            instances: [
              {
                name: 'main',
                baseUrl: 'https://vault',
                auth: { type: 'ldap' },
              },
            ],
          },
        },
      }),
    ).rejects.toThrow(
      'secrets.vault.instances[0].auth.type must be token, approle or kubernetes, not ldap',
    );
  });
});
