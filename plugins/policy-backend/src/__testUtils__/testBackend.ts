import {
  coreServices,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { policyPlugin } from '../plugin';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** The example catalog the local configuration loads. */
export function exampleEntities(): Entity[] {
  return [
    'examples/org.yaml',
    'examples/systems.yaml',
    'examples/components.yaml',
    'examples/apis.yaml',
    'examples/resources.yaml',
  ].flatMap(file =>
    parseAllDocuments(readFileSync(resolve(REPO_ROOT, file), 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(Boolean)
      .map(entity => ({
        ...entity,
        metadata: { namespace: 'default', ...entity.metadata },
      })),
  );
}

/** Who is in which group, as the catalog's ownership claims say. */
const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/ana': ['group:default/payments-team'],
  'user:default/mei': ['group:default/risk-team'],
  'user:default/priya': ['group:default/platform-team'],
};

const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef as string;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
      };
    },
  }),
});

export async function startPolicyBackend(
  options: {
    knex?: Knex;
    config?: object;
    entities?: Entity[];
    extra?: ServiceFactory[];
  } = {},
) {
  return startTestBackend({
    features: [
      policyPlugin,
      mockServices.rootConfig.factory({
        data: {
          policy: { evaluator: 'embedded' },
          finops: {
            permission: {
              adminGroups: ['group:default/platform-team'],
              securityApproverGroups: ['group:default/risk-team'],
            },
          },
          ...options.config,
        },
      }),
      catalogServiceMock.factory({
        entities: options.entities ?? exampleEntities(),
      }),
      userInfoFactory,
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.extra ?? []),
    ],
  });
}
