import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  decideWith,
  EMBEDDED_BUNDLE,
  PolicyEvaluator,
  WasmPolicyEvaluator,
} from '@finops/plugin-policy-node';
import { RegoPermissionPolicy } from './RegoPermissionPolicy';

/** Decides in process, as the policy backend would, without its log. */
function decidingWith(evaluator: PolicyEvaluator) {
  return {
    policy: {
      decide: (point: 'permission', input: object) =>
        decideWith(evaluator, point, input),
    },
    auth: { getOwnServiceCredentials: async () => mockCredentials.service() },
  };
}

function userWithClaims(refs: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: refs[0], ownershipEntityRefs: refs },
  } as PolicyQueryUser;
}

const developer = userWithClaims([
  'user:default/ana',
  'group:default/payments-team',
]);
const admin = userWithClaims([
  'user:default/priya',
  'group:default/platform-team',
]);

describe('RegoPermissionPolicy with the real policy bundle', () => {
  let policy: RegoPermissionPolicy;

  beforeAll(async () => {
    policy = RegoPermissionPolicy.create({
      config: new ConfigReader({}),
      ...decidingWith(await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE)),
      logger: mockServices.logger.mock(),
    });
  });

  it('lets everyone signed in read the catalog', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      developer,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('denies unregistering to a product team member', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      developer,
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('allows unregistering to a platform admin', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      admin,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('lets owners refresh only their own entities', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityRefreshPermission },
      developer,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: developer.info.ownershipEntityRefs },
      },
    });
  });
});

describe('RegoPermissionPolicy when the policy cannot be evaluated', () => {
  it('fails closed', async () => {
    const logger = mockServices.logger.mock();
    const policy = RegoPermissionPolicy.create({
      config: new ConfigReader({}),
      policy: {
        decide: async () => {
          throw new Error('connect ECONNREFUSED');
        },
      },
      auth: { getOwnServiceCredentials: async () => mockCredentials.service() },
      logger,
    });
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      admin,
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('could not be evaluated'),
      expect.objectContaining({ error: 'connect ECONNREFUSED' }),
    );
  });
});
