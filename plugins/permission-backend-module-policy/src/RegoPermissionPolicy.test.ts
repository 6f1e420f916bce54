import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
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
  function failingWith(error: Error) {
    const logger = mockServices.logger.mock();
    const policy = RegoPermissionPolicy.create({
      config: new ConfigReader({}),
      policy: {
        decide: async () => {
          throw error;
        },
      },
      auth: { getOwnServiceCredentials: async () => mockCredentials.service() },
      logger,
    });
    return { policy, logger };
  }

  it('fails closed with 503, naming the cause', async () => {
    const { policy, logger } = failingWith(new Error('connect ECONNREFUSED'));
    const decided = policy.handle(
      { permission: catalogEntityReadPermission },
      admin,
    );
    await expect(decided).rejects.toThrow(ServiceUnavailableError);
    await expect(decided).rejects.toThrow(
      'Permission catalog.entity.read could not be decided, so it is refused until the policy engine answers again: connect ECONNREFUSED',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('could not be evaluated'),
      expect.objectContaining({ error: 'connect ECONNREFUSED' }),
    );
  });

  it("gives the policy backend's own message when it answered with an error", async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'ServiceUnavailableError',
          message: 'OPA at http://127.0.0.1:8181 did not answer',
        },
        request: { method: 'POST', url: '/decisions/permission' },
        response: { statusCode: 503 },
      }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'content-type': 'application/json' },
      },
    );
    const { policy } = failingWith(await ResponseError.fromResponse(response));
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, developer),
    ).rejects.toThrow(
      /policy engine answers again: OPA at http:\/\/127\.0\.0\.1:8181 did not answer$/,
    );
  });
});
