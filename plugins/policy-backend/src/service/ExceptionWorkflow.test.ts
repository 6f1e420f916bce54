import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EMBEDDED_BUNDLE,
  WasmPolicyEvaluator,
} from '@finops/plugin-policy-node';
import { exampleEntities } from '../__testUtils__/testBackend';
import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { DecisionLogStore } from '../database/DecisionLogStore';
import { ExceptionStore } from '../database/ExceptionStore';
import { ViolationStore } from '../database/ViolationStore';
import { EntityComplianceChecker } from './EntityComplianceChecker';
import { ExceptionWorkflow } from './ExceptionWorkflow';
import { PolicyDecider } from './PolicyDecider';

jest.setTimeout(60_000);

const CARD_PAYMENTS = 'component:default/card-payments';
const DAY = 86_400_000;

describe.each(storeDatabases.eachSupportedId())(
  'ExceptionWorkflow on %p',
  id => {
    it('covers a rule while approved, and reopens it when it lapses', async () => {
      const db = await migratedDatabase(id);
      const exceptions = ExceptionStore.create(db);
      const violations = ViolationStore.create(db);
      const catalog = catalogServiceMock({ entities: exampleEntities() });
      const decider = PolicyDecider.create({
        evaluator: await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE),
        decisionLog: DecisionLogStore.create(db),
        exceptions,
      });
      const checker = EntityComplianceChecker.create({
        decider,
        violations,
        exceptions,
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      const workflow = ExceptionWorkflow.create({
        store: exceptions,
        decider,
        checker,
        catalog,
        auth: mockServices.auth(),
        userInfo: mockServices.userInfo({
          ownershipEntityRefs: ['group:default/risk-team'],
        }),
        roles: {
          admin_groups: ['group:default/platform-team'],
          security_approver_groups: ['group:default/risk-team'],
        },
      });
      const open = async () =>
        (await violations.get(CARD_PAYMENTS)).violations.map(v => v.rule);

      await checker.reevaluate(CARD_PAYMENTS);
      expect(await open()).toContain('CAT-PCI-002');

      const requested = await workflow.request(
        {
          entityRef: CARD_PAYMENTS,
          rule: 'CAT-PCI-002',
          justification: 'The network policy ships next sprint.',
          compensatingControl: 'The cloud firewall admits only the gateway.',
          expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
        },
        mockCredentials.user('user:default/ana'),
      );
      await workflow.review(
        requested.id,
        { status: 'approved' },
        mockCredentials.user('user:default/mei'),
      );
      expect(await open()).not.toContain('CAT-PCI-002');

      // Nothing is due yet; a week later the exception lapses.
      expect(await workflow.expire(new Date())).toEqual([]);
      const expired = await workflow.expire(new Date(Date.now() + 8 * DAY));
      expect(expired.map(e => [e.id, e.status])).toEqual([
        [requested.id, 'expired'],
      ]);
      expect(await open()).toContain('CAT-PCI-002');
    });
  },
);
