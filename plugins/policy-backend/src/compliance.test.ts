import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import request from 'supertest';
import {
  exampleEntities,
  startPolicyBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** How the catalog module calls: its own service credentials. */
const catalogModule = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:catalog'),
  targetPluginId: 'policy',
});
const ana = mockCredentials.user('user:default/ana');
const mei = mockCredentials.user('user:default/mei');
const priya = mockCredentials.user('user:default/priya');

const CARD_PAYMENTS = 'component:default/card-payments';
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(databases.eachSupportedId())(
  'compliance and exceptions on %p',
  id => {
    async function start() {
      const { server } = await startPolicyBackend({
        knex: await databases.init(id),
      });
      // What the catalog module does for every entity it processes.
      for (const entity of exampleEntities()) {
        const res = await request(server)
          .post('/api/policy/entities/evaluate')
          .set('authorization', catalogModule)
          .send({ entity });
        expect(res.status).toBe(200);
      }
      return server;
    }

    it('records real violations and passes for the example catalog', async () => {
      const server = await start();
      const compliance = (ref: string) =>
        request(server).get(
          `/api/policy/entities/${ref.replace(/[:]/, '/')}/compliance`,
        );

      const card = await compliance(CARD_PAYMENTS);
      expect(card.status).toBe(200);
      expect(card.body.status).toBe('fail');
      // PCI-scoped and in production, with no network policy, on-call,
      // SLO, docs or retention period declared.
      expect(card.body.violations.map((v: any) => v.rule)).toEqual([
        'CAT-DOCS-001',
        'CAT-ONCALL-001',
        'CAT-PCI-002',
        'CAT-RETENTION-001',
        'CAT-SLO-001',
      ]);
      expect(
        card.body.violations.find((v: any) => v.rule === 'CAT-PCI-002')
          .frameworks,
      ).toContain('PCI-DSS 1.3');

      const statuses = await Promise.all(
        exampleEntities()
          .filter(e => e.kind === 'Component')
          .map(async e => (await compliance(stringifyEntityRef(e))).body),
      );
      expect(statuses.filter(s => s.status === 'pass').length).toBeGreaterThan(
        0,
      );
      expect(statuses.every(s => s.status !== 'not-evaluated')).toBe(true);

      const posture = await request(server).get('/api/policy/posture?days=7');
      expect(posture.status).toBe(200);
      expect(posture.body.entities.fail).toBeGreaterThan(0);
      expect(posture.body.entities.pass).toBeGreaterThan(0);
      expect(posture.body.byFramework).toContainEqual(
        expect.objectContaining({
          framework: 'PCI-DSS',
          entities: expect.any(Number),
        }),
      );
      expect(posture.body.trend).toHaveLength(7);
      expect(posture.body.trend[6].violations).toBeGreaterThan(0);
    });

    it('lets one user request an exception and only another approve it', async () => {
      const server = await start();
      const requested = await request(server)
        .post('/api/policy/exceptions')
        .set(
          'authorization',
          mockCredentials.user.header(mei.principal.userEntityRef),
        )
        .send({
          entityRef: CARD_PAYMENTS,
          rule: 'CAT-PCI-002',
          justification:
            'The network policy ships with the Q1 platform upgrade.',
          compensatingControl: 'Traffic is restricted by the cloud firewall.',
          expiresAt: inDays(30),
        });
      expect(requested.status).toBe(201);
      expect(requested.body).toEqual(
        expect.objectContaining({
          status: 'pending',
          requestedBy: 'user:default/mei',
        }),
      );
      const exceptionId = requested.body.id;

      // Mei is a security approver, but it is her own request.
      const own = await request(server)
        .post(`/api/policy/exceptions/${exceptionId}/approve`)
        .set(
          'authorization',
          mockCredentials.user.header(mei.principal.userEntityRef),
        )
        .send({});
      expect(own.status).toBe(403);
      expect(own.body.error.message).toMatch(/PERM-SOD-001/);

      // Ana owns the component but is no security approver.
      const notApprover = await request(server)
        .post(`/api/policy/exceptions/${exceptionId}/approve`)
        .set(
          'authorization',
          mockCredentials.user.header(ana.principal.userEntityRef),
        )
        .send({});
      expect(notApprover.status).toBe(403);
      expect(notApprover.body.error.message).toMatch(/PERM-APPROVER-001/);

      const approved = await request(server)
        .post(`/api/policy/exceptions/${exceptionId}/approve`)
        .set(
          'authorization',
          mockCredentials.user.header(priya.principal.userEntityRef),
        )
        .send({ comment: 'Firewall rule reviewed.' });
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual(
        expect.objectContaining({
          status: 'approved',
          reviewedBy: 'user:default/priya',
        }),
      );

      const again = await request(server)
        .post(`/api/policy/exceptions/${exceptionId}/reject`)
        .set(
          'authorization',
          mockCredentials.user.header(priya.principal.userEntityRef),
        )
        .send({});
      expect(again.status).toBe(409);

      // Approval re-evaluates the entity: the rule is now covered.
      const card = await request(server).get(
        '/api/policy/entities/component/default/card-payments/compliance',
      );
      expect(card.body.excepted).toEqual(['CAT-PCI-002']);
      expect(card.body.violations.map((v: any) => v.rule)).not.toContain(
        'CAT-PCI-002',
      );
      expect(card.body.exceptions[0].status).toBe('approved');

      const log = await request(server).get(
        `/api/policy/decisions?decisionPoint=permission&subject=${encodeURIComponent(
          CARD_PAYMENTS,
        )}`,
      );
      expect(log.body.items.map((d: any) => [d.actor, d.allow])).toEqual([
        // Priya's late rejection was allowed by policy, then refused
        // because the exception was no longer pending.
        ['user:default/priya', true],
        ['user:default/priya', true],
        ['user:default/ana', false],
      ]);
    });

    it('refuses exceptions that break the rules, changing nothing', async () => {
      const server = await start();
      const base = {
        entityRef: CARD_PAYMENTS,
        rule: 'CAT-PCI-002',
        justification: 'The network policy ships next quarter.',
        compensatingControl: 'Cloud firewall restricts traffic.',
        expiresAt: inDays(30),
      };
      const cases: Array<[object, RegExp]> = [
        [{ expiresAt: inDays(91) }, /at most 90 days/],
        [{ expiresAt: inDays(-1) }, /in the future/],
        [{ rule: 'CAT-NOPE-001' }, /not a rule/],
        [{ entityRef: 'component:default/nope' }, /not in the catalog/],
        [{ justification: 'because' }, /justification/],
        [{ extra: true }, /extra|additional/i],
      ];
      for (const [change, message] of cases) {
        const res = await request(server)
          .post('/api/policy/exceptions')
          .send({ ...base, ...change });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
      const list = await request(server).get('/api/policy/exceptions');
      expect(list.body.items).toEqual([]);
      // Found by the security suite: PostgreSQL refuses a NUL (was a 500).
      const nul = await request(server).get(
        '/api/policy/entities/component/default/card%00payments/compliance',
      );
      expect(nul.status).toBe(id === 'SQLITE_3' ? 200 : 400);
    });
  },
);

describe('compliance when the OPA server is down', () => {
  it('marks entities unknown, never pass, and fails decisions closed', async () => {
    const { server } = await startPolicyBackend({
      config: {
        policy: { evaluator: 'server', opa: { baseUrl: 'http://127.0.0.1:9' } },
      },
    });
    const entity = exampleEntities().find(
      e => e.metadata.name === 'ledger-service',
    );
    const evaluated = await request(server)
      .post('/api/policy/entities/evaluate')
      .set('authorization', catalogModule)
      .send({ entity });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.status).toBe('unknown');
    expect(evaluated.body.reason).toMatch(/could not be evaluated/);
    expect(evaluated.body.blocking).toBeUndefined();

    const deploy = await request(server)
      .post('/api/policy/decisions/deploy')
      .send({ input: { environment: 'production' } });
    expect(deploy.status).toBe(503);
    expect(deploy.body.error.message).toMatch(/did not answer/);
  });
});
