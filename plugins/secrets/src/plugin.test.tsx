import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { cardPaymentsEntity } from './__testUtils__/fixtures';
import { secretsPlugin } from './plugin';

function entity(
  kind: string,
  type: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    ...cardPaymentsEntity,
    kind,
    metadata: { ...cardPaymentsEntity.metadata, annotations },
    spec: { ...cardPaymentsEntity.spec, type },
  };
}

describe('secretsPlugin', () => {
  const tester = () =>
    createExtensionTester(secretsPlugin.getExtension('entity-content:secrets'));

  it('puts the Secrets tab at /secrets', () => {
    expect(tester().get(coreExtensionData.routePath)).toBe('/secrets');
    expect(tester().get(EntityContentBlueprint.dataRefs.title)).toBe('Secrets');
  });

  it.each([
    ['a service', entity('Component', 'service'), true],
    ['a website', entity('Component', 'website'), true],
    ['a library', entity('Component', 'library'), false],
    ['a system', entity('System', 'service'), false],
    [
      'a library naming its Vault path',
      entity('Component', 'library', {
        'vault.io/secrets-path': 'teams/payments/batch',
      }),
      true,
    ],
    [
      'a resource naming its Vault paths',
      entity('Resource', 'database', {
        'finops.io/vault-secrets-paths': 'db/ledger, db/ledger-replica',
      }),
      true,
    ],
  ])('shows the tab on %s: %s', (_what, subject, shown) => {
    const shows = tester().get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(shows(subject)).toBe(shown);
  });
});
