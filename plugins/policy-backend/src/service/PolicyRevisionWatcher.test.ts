import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OpaServerPolicyEvaluator } from '@finops/plugin-policy-node';
import {
  startOpaServer,
  TestOpaServer,
} from '@finops/plugin-policy-node/testUtils';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exampleEntities } from '../__testUtils__/testBackend';
import { DecisionLogStore } from '../database/DecisionLogStore';
import { ExceptionStore } from '../database/ExceptionStore';
import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { PolicyVersionStore } from '../database/PolicyVersionStore';
import { ViolationStore } from '../database/ViolationStore';
import { EntityComplianceChecker } from './EntityComplianceChecker';
import { PolicyDecider } from './PolicyDecider';
import { PolicyRevisionWatcher } from './PolicyRevisionWatcher';

jest.setTimeout(120_000);

const POLICIES = resolve(__dirname, '../../../../policies');

describe.each(storeDatabases.eachSupportedId())(
  'a policy edit on a running OPA server, on %p',
  id => {
    let opa: TestOpaServer;
    let dir: string;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'finops-policies-'));
      cpSync(POLICIES, dir, {
        recursive: true,
        filter: src => !src.endsWith('_test.rego'),
      });
      opa = await startOpaServer([dir]);
    });

    afterEach(() => {
      opa?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('changes the revision and the results, and is recorded once', async () => {
      const db = await migratedDatabase(id);
      const versions = PolicyVersionStore.create(db);
      const violations = ViolationStore.create(db);
      const exceptions = ExceptionStore.create(db);
      const decisionLog = DecisionLogStore.create(db);
      const decider = PolicyDecider.create({
        evaluator: new OpaServerPolicyEvaluator({
          baseUrl: opa.baseUrl,
          revisionTtlMs: 0,
        }),
        decisionLog,
        exceptions,
      });
      const checker = EntityComplianceChecker.create({
        decider,
        violations,
        exceptions,
        catalog: catalogServiceMock({ entities: exampleEntities() }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      const watcher = PolicyRevisionWatcher.create({
        decider,
        versions,
        checker,
        logger: mockServices.logger.mock(),
      });
      const severityOf = async (rule: string) =>
        (
          await violations.get('component:default/card-payments')
        ).violations.find(v => v.rule === rule)?.severity;

      const first = await watcher.check();
      expect(await severityOf('CAT-PCI-002')).toBe('high');
      expect(await watcher.check()).toBe(first);

      // The security team makes a missing network policy critical.
      const { result } = await (
        await fetch(`${opa.baseUrl}/v1/policies`)
      ).json();
      const catalogModule = result.find((p: { id: string }) =>
        p.id.endsWith('catalog/catalog.rego'),
      );
      const edited = catalogModule.raw.replace(
        /("CAT-PCI-002": \{[^}]*?"severity": )"high"/,
        '$1"critical"',
      );
      expect(edited).not.toBe(catalogModule.raw);
      const put = await fetch(
        `${opa.baseUrl}/v1/policies/${catalogModule.id}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'text/plain' },
          body: edited,
        },
      );
      expect(put.status).toBe(200);

      const second = await watcher.check();
      expect(second).toMatch(/^[0-9a-f]{16}$/);
      expect(second).not.toBe(first);
      expect(await severityOf('CAT-PCI-002')).toBe('critical');
      expect((await versions.list()).map(v => v.revision)).toEqual([
        second,
        first,
      ]);
      const { items } = await decisionLog.list({
        subject: 'component:default/card-payments',
      });
      expect(items.map(d => d.revision)).toEqual([second, first]);
    });
  },
);
