import { ConfigReader } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { FoundationPermissionPolicy } from './FoundationPermissionPolicy';

function userWithClaims(ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as PolicyQueryUser;
}

describe('FoundationPermissionPolicy', () => {
  const policy = FoundationPermissionPolicy.fromConfig(new ConfigReader({}));
  const developer = userWithClaims([
    'user:default/ana.ortiz',
    'group:default/payments-team',
  ]);
  const admin = userWithClaims([
    'user:default/priya.shah',
    'group:default/platform-team',
  ]);

  it('lets anyone signed in read the catalog', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      developer,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('denies unregistering an entity to a product team member', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      developer,
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('denies destructive actions when there is no user at all', async () => {
    const decision = await policy.handle({
      permission: catalogEntityDeletePermission,
    });
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('allows unregistering to the platform team by default', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      admin,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('takes the admin groups from config', async () => {
    const configured = FoundationPermissionPolicy.fromConfig(
      new ConfigReader({
        finops: { permission: { adminGroups: ['group:default/sre'] } },
      }),
    );
    const sre = userWithClaims(['user:default/li.wei', 'group:default/SRE']);
    await expect(
      configured.handle({ permission: catalogEntityDeletePermission }, sre),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      configured.handle({ permission: catalogEntityDeletePermission }, admin),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
