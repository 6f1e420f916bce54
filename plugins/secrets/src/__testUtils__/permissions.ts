import type { Entity } from '@backstage/catalog-model';
import { mockApis } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PermissionApi } from '@backstage/plugin-permission-react';
import { cardPaymentsEntity } from './fixtures';

type PermissionRequest = Parameters<PermissionApi['authorize']>[0];
type Permission = PermissionRequest['permission'];

/**
 * A permission API that allows everything but the `deny`ed permissions and
 * keeps the requests it was asked, to check their resourceRef.
 */
export function testPermissions(options: { deny?: Permission[] } = {}) {
  const denied = new Set(options.deny?.map(p => p.name));
  const requests: PermissionRequest[] = [];
  const api = mockApis.permission({
    authorize: request => {
      requests.push(request);
      return denied.has(request.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW;
    },
  });
  return { api, requests };
}

/**
 * The secrets fixture entity under another name. usePermission keeps its answers per
 * permission and resourceRef for as long as the test file runs (SWR) and
 * does not ask again within seconds, so a test whose answers differ from
 * the other tests' renders an entity of its own to be asked afresh.
 */
export function entityOfItsOwn(name: string): Entity {
  return {
    ...cardPaymentsEntity,
    metadata: { ...cardPaymentsEntity.metadata, name },
  };
}
