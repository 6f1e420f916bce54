import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startPolicyBackend as startWith } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'refunds',
    annotations: {
      'finops.io/data-classification': 'internal',
      // Stands in for anything sensitive an input may carry.
      'finops.io/deploy-token': 's3cr3t-value',
    },
  },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'ghost-team' },
};

async function startPolicyBackend() {
  const { server } = await startWith({ entities: [] });
  return server;
}

describe('policy backend', () => {
  it('decides, logs the decision without its input, and lists it', async () => {
    const server = await startPolicyBackend();

    const decided = await request(server)
      .post('/api/policy/decisions/catalog')
      .send({
        input: {
          entity,
          groups: ['group:default/payments-team'],
          exceptions: [],
        },
      });
    expect(decided.status).toBe(200);
    // An unknown owner group is reported, not enforced.
    expect(decided.body.allow).toBe(true);
    expect(
      decided.body.violations.map((v: { rule: string }) => v.rule),
    ).toContain('CAT-OWNER-002');
    expect(decided.body.revision).toMatch(/^[0-9a-f]{16}$/);

    const log = await request(server).get('/api/policy/decisions');
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toEqual(
      expect.objectContaining({
        decisionPoint: 'catalog',
        allow: true,
        revision: decided.body.revision,
        actor: mockCredentials.user().principal.userEntityRef,
        inputDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    expect(JSON.stringify(log.body)).not.toContain('s3cr3t-value');
  });

  it('serves every rule of every decision point', async () => {
    const server = await startPolicyBackend();
    const res = await request(server).get('/api/policy/rules');
    expect(res.status).toBe(200);
    const rules = res.body.rules as Array<{
      id: string;
      decisionPoint: string;
      source: string;
    }>;
    expect([...new Set(rules.map(r => r.decisionPoint))].sort()).toEqual([
      'catalog',
      'deploy',
      'permission',
      'scaffolder',
      'secrets',
    ]);
    const owner = rules.find(r => r.id === 'CAT-OWNER-001');
    expect(owner).toEqual(
      expect.objectContaining({
        decisionPoint: 'catalog',
        severity: 'high',
        frameworks: expect.arrayContaining(['SOC 2 CC1.3']),
      }),
    );
    // The policy browser shows the Rego that declares and checks the rule.
    expect(owner!.source).toContain('"CAT-OWNER-001": {');
    expect(owner!.source).toContain(
      'fired contains lib.violation(rules, "CAT-OWNER-001"',
    );
  });

  it('rejects bad input with a 400 that says what is wrong, and logs nothing', async () => {
    const server = await startPolicyBackend();
    const unknownPoint = await request(server)
      .post('/api/policy/decisions/payroll')
      .send({ input: {} });
    expect(unknownPoint.status).toBe(400);
    expect(unknownPoint.body.error.message).toMatch(
      /decisionPoint must be equal to one of the allowed values/,
    );

    const noInput = await request(server)
      .post('/api/policy/decisions/catalog')
      .send({ entity });
    expect(noInput.status).toBe(400);
    expect(noInput.body.error.message).toMatch(
      /must have required property 'input'/,
    );

    const badLimit = await request(server).get(
      '/api/policy/decisions?limit=100000',
    );
    expect(badLimit.status).toBe(400);

    const log = await request(server).get('/api/policy/decisions');
    expect(log.body.items).toEqual([]);
  });

  it('answers 401 without credentials', async () => {
    const server = await startPolicyBackend();
    const res = await request(server)
      .post('/api/policy/decisions/catalog')
      .set('authorization', mockCredentials.none.header())
      .send({ input: { entity } });
    expect(res.status).toBe(401);
  });

  it('refuses the decision log and compliance data to whoever may not read them', async () => {
    const { server } = await startWith({
      entities: [],
      extra: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const res = await request(server).get('/api/policy/decisions');
    expect(res.status).toBe(403);
    for (const path of ['/rules', '/versions', '/posture', '/exceptions']) {
      const read = await request(server).get(`/api/policy${path}`);
      expect(read.status).toBe(403);
      expect(read.body.error.message).toBe('You may not read compliance data');
    }
  });
});
