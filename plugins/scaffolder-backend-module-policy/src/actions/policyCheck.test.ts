import { mockServices } from '@backstage/backend-test-utils';
import { UserEntity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  EMBEDDED_BUNDLE,
  PolicyEvaluator,
  PolicyService,
  decideWith,
  WasmPolicyEvaluator,
} from '@finops/plugin-policy-node';
import { createPolicyCheckAction } from './policyCheck';

const SECRET = 'tok-9f8e7d6c5b4a-do-not-log';

const config = new ConfigReader({
  finops: { policy: { approvedPciSystems: ['system:default/payments'] } },
});

/** Ana, in payments-team by relation and in risk-team by spec only. */
const ana = {
  ref: 'user:default/ana',
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ana' },
    spec: { memberOf: ['risk-team'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments-team' }],
  } as UserEntity,
};

const validParameters = {
  name: 'payments-api',
  owner: 'payments-team',
  system: 'payments',
  pciScope: true,
  environments: ['development', 'production'],
  dataClassification: 'confidential',
  secretToken: SECRET,
};

const invalidParameters = {
  name: 'Payments_API',
  owner: 'group:default/platform-team',
  system: 'marketing',
  pciScope: true,
  environments: ['development'],
  secretToken: SECRET,
};

/** Decides in process, as the policy backend would, without its log. */
const decidingWith = (
  evaluator: PolicyEvaluator,
): Pick<PolicyService, 'decide'> => ({
  decide: (point, input) => decideWith(evaluator, point, input),
});

function contextFor(parameters: JsonObject, isDryRun = false) {
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext<{ parameters: JsonObject }>({
    input: { parameters },
    user: ana,
    templateInfo: { entityRef: 'template:default/service' },
    logger,
    isDryRun,
  });
  return { ctx, logger };
}

function everythingLogged(logger: ReturnType<typeof mockServices.logger.mock>) {
  return JSON.stringify(
    [logger.debug, logger.info, logger.warn, logger.error].flatMap(
      fn => fn.mock.calls,
    ),
  );
}

describe('finops:policy:check with the real policy bundle', () => {
  let evaluator: WasmPolicyEvaluator;
  let revision: string;

  beforeAll(async () => {
    evaluator = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
    revision = await evaluator.revision();
  });

  it.each([
    ['a run', false],
    ['a dry-run', true],
  ])('lets %s with valid parameters through', async (_name, isDryRun) => {
    const action = createPolicyCheckAction({
      policy: decidingWith(evaluator),
      config,
    });
    const { ctx, logger } = contextFor(validParameters, isDryRun);

    await action.handler(ctx);

    expect(action.supportsDryRun).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith('allowed', true);
    expect(ctx.output).toHaveBeenCalledWith('revision', revision);
    expect(ctx.output).toHaveBeenCalledWith('violations', []);
    expect(logger.info).toHaveBeenCalledWith(
      `policy check passed (revision ${revision})`,
    );
  });

  it('fails the task with every violated rule and its remediation', async () => {
    const action = createPolicyCheckAction({
      policy: decidingWith(evaluator),
      config,
    });
    const { ctx, logger } = contextFor(invalidParameters);

    const error: Error = await action.handler(ctx).then(
      () => Promise.reject(new Error('the policy check passed')),
      e => e,
    );

    expect(error.name).toBe('InputError');
    const { message } = error;
    expect(message).toContain('SCF-NAME-001');
    expect(message).toContain('SCF-OWNER-001');
    expect(message).toContain('SCF-PCI-001');
    expect(message).toContain('Choose a group you are a member of');
    expect(message).not.toContain('SCF-ENV');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^SCF-PCI-001 \[critical\] .+ — Place the component/,
      ),
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('never logs parameter values the policy does not name', async () => {
    const action = createPolicyCheckAction({
      policy: decidingWith(evaluator),
      config,
    });
    const passed = contextFor(validParameters);
    const refused = contextFor(invalidParameters);

    await action.handler(passed.ctx);
    const error = await action.handler(refused.ctx).catch(e => e as Error);

    expect(refused.logger.warn).toHaveBeenCalled();
    for (const { logger } of [passed, refused]) {
      expect(everythingLogged(logger)).not.toContain(SECRET);
    }
    expect(String(error)).not.toContain(SECRET);
  });
});

describe('finops:policy:check when the policy cannot be evaluated', () => {
  it('fails the task: fail closed', async () => {
    const unreachable: PolicyEvaluator = {
      kind: 'server',
      evaluate: async () => {
        throw new Error('OPA server at http://opa:8181 did not answer');
      },
      revision: async () => 'unknown',
      modules: async () => [],
    };
    const action = createPolicyCheckAction({
      policy: decidingWith(unreachable),
      config,
    });
    const { ctx } = contextFor(validParameters);

    await expect(action.handler(ctx)).rejects.toThrow(
      'policy check could not run: OPA server at http://opa:8181 did not answer',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
