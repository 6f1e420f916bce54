import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  SecretChange,
  SecretOutcome,
  SecretRequest,
} from '@finops/plugin-secrets-common';
import { SecretsBackendServer } from '../__testUtils__/SecretsBackendServer';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSecretsProvisionAction } from './provision';

/** A value typed into a Secret field; the quote makes its JSON form differ. */
const SECRET = 'gw-key"9f8e7d6c5b4a-do-not-log';
const ESCAPED_SECRET = JSON.stringify(SECRET).slice(1, -1);

const ana = mockCredentials.user('user:default/ana');

const input = {
  entityRef: 'component:default/payments-api',
  environment: 'production',
  secrets: [
    {
      name: 'database',
      keys: [{ key: 'username', value: 'svc_ledger_rw' }, { key: 'password' }],
    },
    {
      name: 'payment-gateway',
      keys: [
        { key: 'api-key', value: SECRET },
        // An empty Secret field: the platform generates the value.
        { key: 'webhook-secret', value: '', length: 48 },
      ],
    },
  ],
  auth: {
    method: 'kubernetes' as const,
    serviceAccounts: ['payments-api'],
    namespaces: ['payments'],
  },
};

const changes: SecretChange[] = [
  {
    kind: 'secret',
    name: 'services/default/payments-api/production/database',
    action: 'create',
    detail: 'generated: password',
  },
  {
    kind: 'policy',
    name: 'finops-default-payments-api-production-read',
    action: 'create',
    detail: null,
  },
  {
    kind: 'approle',
    name: 'finops-default-payments-api-production-pipeline',
    action: 'unchanged',
    detail: null,
  },
];

function outcome(overrides: Partial<SecretOutcome> = {}): SecretOutcome {
  return {
    outcome: 'applied',
    changes,
    violations: [],
    revision: 'rev-3f2a',
    request: null,
    wrapped: null,
    ...overrides,
  };
}

const pendingRequest: SecretRequest = {
  id: '6c1f4e0a-2b7d-4d59-9a51-0d8f3c2e7b11',
  entityRef: 'component:default/payments-api',
  action: 'provision',
  environment: 'production',
  instance: 'main',
  secrets: [{ name: 'database', keys: ['username', 'password'] }],
  authMethod: 'kubernetes',
  status: 'pending',
  requestedBy: 'user:default/ana',
  requestedAt: '2025-11-28T10:00:00.000Z',
  reviewedBy: null,
  reviewedAt: null,
  comment: null,
  message: null,
};

/** The error a run fails with; a run that succeeds fails the test. */
async function failureOf(run: Promise<void>): Promise<Error> {
  return run.then(
    () => Promise.reject(new Error('the action succeeded')),
    error => error as Error,
  );
}

describe('finops:secrets:provision', () => {
  let server: SecretsBackendServer;

  beforeAll(async () => {
    server = await SecretsBackendServer.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.received.length = 0;
    server.vaultConfigured = true;
  });

  function setup(
    options: {
      isDryRun?: boolean;
      whenVaultNotConfigured?: 'fail' | 'skip';
    } = {},
  ) {
    const auth = mockServices.auth({ pluginId: 'scaffolder' });
    jest.spyOn(auth, 'getPluginRequestToken');
    const action = createSecretsProvisionAction({
      auth,
      discovery: server.discovery(),
      whenVaultNotConfigured: options.whenVaultNotConfigured,
    });
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({ input, logger }),
      isDryRun: options.isDryRun ?? false,
      getInitiatorCredentials: async () => ana,
    };
    return { action, auth, ctx, logger };
  }

  const everythingLogged = (logger: ReturnType<typeof setup>['logger']) =>
    JSON.stringify(
      [logger.debug, logger.info, logger.warn, logger.error].flatMap(
        fn => fn.mock.calls,
      ),
    );

  it('sends the service the template rendered, so an unregistered one can be provisioned', async () => {
    server.onProvision(() => outcome());
    const { action, ctx } = setup();
    await mkdir(ctx.workspacePath, { recursive: true });
    await writeFile(
      join(ctx.workspacePath, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata: { name: payments-api }',
        'spec: { owner: payments-team }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: payments-api',
        '  annotations: { finops.io/data-classification: restricted }',
        'spec: { type: service, owner: payments-team, lifecycle: experimental }',
      ].join('\n'),
    );
    await action.handler(ctx);
    expect(server.received[0].body.entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments-api',
        annotations: { 'finops.io/data-classification': 'restricted' },
      },
      spec: {
        type: 'service',
        owner: 'payments-team',
        lifecycle: 'experimental',
      },
    });

    // A file describing other entities sends none.
    server.received.length = 0;
    const other = setup();
    await mkdir(other.ctx.workspacePath, { recursive: true });
    await writeFile(
      join(other.ctx.workspacePath, 'catalog-info.yaml'),
      'kind: Component\nmetadata: { name: other }\nspec: { owner: x }\n',
    );
    await other.action.handler(other.ctx);
    expect(server.received[0].body).not.toHaveProperty('entity');
  });

  it('goes on without provisioning only where configured to, when the portal has no Vault', async () => {
    server.vaultConfigured = false;
    server.onProvision(() => {
      throw new ServiceUnavailableError(
        'Vault is not configured: add secrets.vault.instances to the app-config',
      );
    });
    const skipping = setup({ whenVaultNotConfigured: 'skip' });
    await skipping.action.handler(skipping.ctx);
    expect(server.received).toEqual([]);
    expect(skipping.ctx.output).toHaveBeenCalledWith('outcome', 'skipped');
    expect(skipping.ctx.output).toHaveBeenCalledWith('changes', []);
    expect(skipping.logger.warn).toHaveBeenCalledWith(
      "Vault is not configured in this portal (secrets.vault), so no secrets were provisioned for component:default/payments-api in production; once Vault is configured, provision them from the entity's Secrets tab",
    );

    // The default fails, with the backend's reason.
    const failing = setup();
    const error = await failureOf(failing.action.handler(failing.ctx));
    expect(error.message).toMatch(/Vault is not configured/);

    // A portal with Vault provisions even when told it may skip.
    server.vaultConfigured = true;
    server.onProvision(() => outcome());
    const provisioning = setup({ whenVaultNotConfigured: 'skip' });
    await provisioning.action.handler(provisioning.ctx);
    expect(provisioning.ctx.output).toHaveBeenCalledWith('outcome', 'applied');
  });

  it('provisions as the user who started the task and reports names only', async () => {
    server.onProvision(() => outcome());
    const { action, ctx, logger } = setup();

    await action.handler(ctx);

    expect(action.supportsDryRun).toBe(true);
    expect(server.received).toEqual([
      {
        user: 'user:default/ana',
        body: {
          entityRef: 'component:default/payments-api',
          environment: 'production',
          secrets: [
            {
              name: 'database',
              keys: [
                { key: 'username', value: 'svc_ledger_rw' },
                { key: 'password' },
              ],
            },
            {
              name: 'payment-gateway',
              keys: [
                { key: 'api-key', value: SECRET },
                { key: 'webhook-secret', length: 48 },
              ],
            },
          ],
          auth: {
            method: 'kubernetes',
            serviceAccounts: ['payments-api'],
            namespaces: ['payments'],
          },
          dryRun: false,
        },
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('outcome', 'applied');
    expect(ctx.output).toHaveBeenCalledWith('changes', [
      {
        kind: 'secret',
        name: 'services/default/payments-api/production/database',
        action: 'create',
      },
      {
        kind: 'policy',
        name: 'finops-default-payments-api-production-read',
        action: 'create',
      },
      {
        kind: 'approle',
        name: 'finops-default-payments-api-production-pipeline',
        action: 'unchanged',
      },
    ]);
    expect(ctx.output).not.toHaveBeenCalledWith('requestId', expect.anything());
    expect(logger.info).toHaveBeenCalledWith(
      'policy finops-default-payments-api-production-read: create',
    );
    expect(logger.info).toHaveBeenCalledWith(
      'approle finops-default-payments-api-production-pipeline: unchanged',
    );
    expect(logger.info).toHaveBeenCalledWith(
      'provisioning component:default/payments-api in production: applied (policy revision rev-3f2a)',
    );
  });

  it('marks supplied values secret and takes no wrap input', () => {
    const { action } = setup();
    const schema = JSON.stringify(action.schema?.input);

    expect(action.schema?.input).toMatchObject({
      additionalProperties: false,
      required: ['entityRef', 'environment', 'secrets', 'auth'],
    });
    expect(schema).not.toContain('"wrap"');
    expect(schema).toMatch(
      /"value":\{"type":"string","maxLength":8192,"description":"SECRET\./,
    );
  });

  it('asks for a token on behalf of the initiator, for the secrets plugin', async () => {
    server.onProvision(() => outcome());
    const { action, auth, ctx } = setup();

    await action.handler(ctx);

    expect(auth.getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: ana,
      targetPluginId: 'secrets',
    });
    expect(server.received.map(r => r.user)).toEqual(['user:default/ana']);
  });

  it('only plans in a dry run', async () => {
    server.onProvision(body =>
      outcome({ outcome: body.dryRun ? 'planned' : 'applied' }),
    );
    const { action, ctx, logger } = setup({ isDryRun: true });

    await action.handler(ctx);

    expect(server.received[0].body.dryRun).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith('outcome', 'planned');
    expect(logger.info).toHaveBeenCalledWith(
      'secret services/default/payments-api/production/database: create',
    );
    expect(logger.info).toHaveBeenCalledWith(
      'dry run: provisioning component:default/payments-api in production would make the changes above; nothing changed',
    );
  });

  it('outputs the pending request when another owner must approve', async () => {
    server.onProvision(() =>
      outcome({
        outcome: 'approval-required',
        changes: [],
        request: pendingRequest,
      }),
    );
    const { action, ctx, logger } = setup();

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('outcome', 'approval-required');
    expect(ctx.output).toHaveBeenCalledWith('changes', []);
    expect(ctx.output).toHaveBeenCalledWith('requestId', pendingRequest.id);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `waits for another owner's approval in the portal (request ${pendingRequest.id})`,
      ),
    );
  });

  it("fails with the backend's message when the user may not provision", async () => {
    server.onProvision(() => {
      throw new NotAllowedError(
        'Only the owners of component:default/payments-api provision and rotate its secrets',
      );
    });
    const { action, ctx } = setup();

    const error = await failureOf(action.handler(ctx));

    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toBe(
      'Only the owners of component:default/payments-api provision and rotate its secrets',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it("fails with the backend's message when Vault cannot be used", async () => {
    server.onProvision(() => {
      throw new ServiceUnavailableError('Vault instance main is sealed');
    });
    const { action, ctx } = setup();

    await expect(action.handler(ctx)).rejects.toThrow(
      /^Vault instance main is sealed$/,
    );
  });

  it('fails as unavailable when the secrets backend does not answer', async () => {
    const unreachable = await SecretsBackendServer.start();
    await unreachable.stop();
    const action = createSecretsProvisionAction({
      auth: mockServices.auth(),
      discovery: unreachable.discovery(),
    });
    const { ctx } = setup();

    const error = await failureOf(action.handler(ctx));

    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toMatch(/^the secrets backend did not answer: /);
  });

  it('never lets a supplied value out, even when the backend echoes it', async () => {
    const echoing = (text: string) =>
      `${text}, raw ${SECRET}, as JSON ${JSON.stringify({ value: SECRET })}`;
    const runs = [
      {
        behaviour: () =>
          outcome({
            changes: [{ ...changes[0], name: echoing('secret') }],
            violations: [
              {
                rule: 'SEC-ROTATION-001',
                severity: 'low',
                message: echoing('advisory'),
                remediation: 'Rotate it',
                frameworks: [],
              },
            ],
          }),
      },
      { behaviour: () => outcome({ outcome: 'planned' }), isDryRun: true },
      {
        behaviour: () => {
          throw new NotAllowedError(echoing('refused'));
        },
      },
    ];

    const seen: string[] = [];
    for (const run of runs) {
      server.onProvision(run.behaviour);
      const { action, ctx, logger } = setup({ isDryRun: run.isDryRun });
      const error = await action.handler(ctx).then(
        () => undefined,
        (e: Error) => e,
      );
      seen.push(everythingLogged(logger));
      seen.push(JSON.stringify(jest.mocked(ctx.output).mock.calls));
      if (error) seen.push(error.name, error.message, String(error.stack));
    }

    // The value did reach the backend, and nothing else.
    expect(JSON.stringify(server.received)).toContain(ESCAPED_SECRET);
    const shown = seen.join('\n');
    expect(shown).toContain('[redacted]');
    expect(shown).toContain('refused, raw [redacted], as JSON');
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(ESCAPED_SECRET);
    expect(shown).not.toContain('9f8e7d6c5b4a');
  });
});
