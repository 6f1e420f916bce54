import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { readVaultConfig } from './vaultConfig';
import { VaultInstances } from './VaultInstances';

const TOKEN = 'hvs.config-token-value-3c9d';

function vault(value: any) {
  return new ConfigReader({ secrets: { vault: value } });
}

const instance = (extra: object = {}) => ({
  name: 'main',
  baseUrl: 'https://vault.example.com:8200/',
  auth: { type: 'token', token: TOKEN },
  ...extra,
});

describe('readVaultConfig', () => {
  it('is undefined without secrets.vault', () => {
    expect(readVaultConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('fills in the defaults', () => {
    expect(
      readVaultConfig(
        vault({
          instances: [
            instance(),
            instance({
              name: 'k8s',
              namespace: '/team-a/',
              kvMount: 'kv/apps',
              uiUrl: 'https://vault.example.com/ui',
              timeoutMs: 2000,
              auth: { type: 'kubernetes', role: 'portal' },
            }),
            instance({
              name: 'ci',
              auth: { type: 'approle', roleId: 'r', secretId: 's' },
            }),
          ],
          defaultInstance: 'k8s',
        }),
      ),
    ).toEqual({
      defaultInstance: 'k8s',
      instances: [
        {
          name: 'main',
          baseUrl: 'https://vault.example.com:8200',
          namespace: undefined,
          kvMount: 'secret',
          uiUrl: undefined,
          timeoutMs: 10_000,
          auth: { type: 'token', token: TOKEN },
        },
        {
          name: 'k8s',
          baseUrl: 'https://vault.example.com:8200',
          namespace: 'team-a',
          kvMount: 'kv/apps',
          uiUrl: 'https://vault.example.com/ui',
          timeoutMs: 2000,
          auth: {
            type: 'kubernetes',
            mount: 'kubernetes',
            role: 'portal',
            jwtPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
          },
        },
        expect.objectContaining({
          name: 'ci',
          auth: {
            type: 'approle',
            mount: 'approle',
            roleId: 'r',
            secretId: 's',
          },
        }),
      ],
    });
  });

  const refusals: Array<[object, string]> = [
    [{ instances: [] }, 'secrets.vault.instances must name at least one Vault'],
    [
      { instances: [instance(), instance()] },
      'secrets.vault.instances names main twice',
    ],
    [
      { instances: [instance(), instance({ name: 'dr' })] },
      'secrets.vault.defaultInstance must say which of main, dr to use when none is named',
    ],
    [
      { instances: [instance()], defaultInstance: 'prod' },
      'secrets.vault.defaultInstance prod is not one of main',
    ],
    [
      { instances: [instance({ name: 'has space' })] },
      'secrets.vault.instances[0].name must be letters, digits, - and _ (at most 63), not has space',
    ],
    [
      { instances: [instance({ baseUrl: 'vault:8200' })] },
      'secrets.vault.instances[0].baseUrl must be an http or https URL',
    ],
    [
      { instances: [instance({ baseUrl: 'https://vault/v1' })] },
      'secrets.vault.instances[0].baseUrl must leave out /v1: the client adds it',
    ],
    [
      { instances: [instance({ baseUrl: `https://u:${TOKEN}@vault` })] },
      'secrets.vault.instances[0].baseUrl must not carry credentials',
    ],
    [
      { instances: [instance({ timeoutMs: 0 })] },
      'secrets.vault.instances[0].timeoutMs must be a positive integer',
    ],
    [
      { instances: [instance({ kvMount: 'a//b' })] },
      'secrets.vault.instances[0].kvMount is not a Vault path: a//b',
    ],
    [
      { instances: [instance({ auth: { type: 'userpass', token: TOKEN } })] },
      'secrets.vault.instances[0].auth.type must be token, approle or kubernetes, not userpass',
    ],
    [
      { instances: [instance({ auth: { type: 'token', token: ' ' } })] },
      'secrets.vault.instances[0].auth.token is empty',
    ],
    [
      { instances: [instance({ auth: { type: 'approle', roleId: 'r' } })] },
      "Missing required config value at 'secrets.vault.instances[0].auth.secretId'",
    ],
  ];

  it.each(refusals.map(([value, message]) => ({ value, message })))(
    'refuses it: $message',
    ({ value, message }) => {
      let error: Error | undefined;
      try {
        readVaultConfig(vault(value));
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toContain(message);
      expect(error?.message).not.toContain(TOKEN);
    },
  );
});

describe('VaultInstances', () => {
  const logger = mockServices.logger.mock();

  it('is not configured without secrets.vault, and says how to configure it', () => {
    const instances = VaultInstances.fromConfig(new ConfigReader({}), {
      logger,
    });
    expect(instances.configured).toBe(false);
    expect(instances.list()).toEqual([]);
    expect(() => instances.get()).toThrow(
      new ServiceUnavailableError(
        'Vault is not configured: add secrets.vault.instances to the app-config',
      ),
    );
  });

  it('finds instances by name, the default without one', () => {
    const instances = VaultInstances.fromConfig(
      vault({
        instances: [
          instance(),
          instance({ name: 'dr', uiUrl: 'https://dr.example.com/ui' }),
        ],
        defaultInstance: 'dr',
      }),
      { logger },
    );
    expect(instances.configured).toBe(true);
    expect(instances.defaultName).toBe('dr');
    expect(instances.get().name).toBe('dr');
    expect(instances.get().uiUrl).toBe('https://dr.example.com/ui');
    expect(instances.get('main').name).toBe('main');
    expect(instances.list().map(c => c.name)).toEqual(['main', 'dr']);
    expect(() => instances.get('prod')).toThrow(
      new NotFoundError('No Vault instance prod; configured: main, dr'),
    );
  });
});
