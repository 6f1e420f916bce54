import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { exampleEntityRefs } from './support/exampleEntities';
import { readE2EState } from './support/state';

// The real backend, once on SQLite and once on PostgreSQL (schema per plugin).
for (const db of ['sqlite', 'postgres'] as const) {
  test.describe(`backend on ${db}`, () => {
    const state = readE2EState();
    const { url, logFile } = state.backends[db];

    test('serves every example entity to a service token', async ({
      request,
    }) => {
      const expected = exampleEntityRefs();
      expect(expected.length).toBeGreaterThan(20);
      // Ingestion is asynchronous: poll until the catalog has processed all.
      await expect
        .poll(
          async () => {
            const res = await request.get(`${url}/api/catalog/entities`, {
              headers: { authorization: `Bearer ${state.serviceToken}` },
              params: { fields: 'kind,metadata.name,metadata.namespace' },
            });
            expect(res.status()).toBe(200);
            const found = new Set(
              ((await res.json()) as any[]).map(e =>
                `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLocaleLowerCase(
                  'en-US',
                ),
              ),
            );
            return expected.filter(ref => !found.has(ref));
          },
          {
            message: 'example entities missing from the catalog',
            timeout: 120_000,
          },
        )
        .toEqual([]);
    });

    test("reads a service's error budget and alerts from the real Prometheus and Alertmanager", async ({
      request,
    }) => {
      const headers = { authorization: `Bearer ${state.serviceToken}` };
      const params = { entityRef: 'component:default/onboarding-service' };
      // 0.5% of requests fail and 0.5% are slower than 250 ms, against
      // 99% objectives: half of each budget is left.
      await expect
        .poll(
          async () => {
            const res = await request.get(`${url}/api/health/error-budget`, {
              headers,
              params,
            });
            expect(res.status()).toBe(200);
            return (await res.json()).errorBudgetRemaining;
          },
          { message: 'the error budget never became known', timeout: 60_000 },
        )
        .toBeCloseTo(0.5, 6);
      const alerts = await request.get(`${url}/api/health/alerts`, {
        headers,
        params,
      });
      expect((await alerts.json()).alerts).toEqual([
        expect.objectContaining({
          name: 'KycQueueBacklog',
          severity: 'warning',
          state: 'active',
        }),
      ]);
    });

    test('rejects a call without credentials with 401', async ({ request }) => {
      const res = await request.get(`${url}/api/catalog/entities`);
      expect(res.status()).toBe(401);
    });

    test('rejects a made-up token with 401', async ({ request }) => {
      const res = await request.get(`${url}/api/catalog/entities`, {
        headers: { authorization: 'Bearer not-a-real-token' },
      });
      expect(res.status()).toBe(401);
    });

    test('decides an example service against finops.catalog and logs it', async ({
      request,
    }) => {
      const headers = { authorization: `Bearer ${state.serviceToken}` };
      const entity = await request.get(
        `${url}/api/catalog/entities/by-name/component/default/card-payments`,
        { headers },
      );
      expect(entity.status()).toBe(200);
      const groups = (
        (await (
          await request.get(`${url}/api/catalog/entities`, {
            headers,
            params: { filter: 'kind=group', fields: 'metadata.name' },
          })
        ).json()) as Array<{ metadata: { name: string } }>
      ).map(g => `group:default/${g.metadata.name}`);

      const decided = await request.post(
        `${url}/api/policy/decisions/catalog`,
        {
          headers,
          data: {
            input: { entity: await entity.json(), groups, exceptions: [] },
          },
        },
      );
      expect(decided.status()).toBe(200);
      const decision = await decided.json();
      // The PCI service declares no network policy: reported, not blocking.
      expect(
        decision.violations.map((v: { rule: string }) => v.rule),
      ).toContain('CAT-PCI-002');

      const log = await request.get(`${url}/api/policy/decisions`, {
        headers,
        params: { decisionPoint: 'catalog' },
      });
      expect(log.status()).toBe(200);
      expect((await log.json()).items[0]).toMatchObject({
        revision: decision.revision,
        actor: expect.stringContaining('e2e-tests'),
      });
    });

    test("the catalog module records each example entity's compliance", async ({
      request,
    }) => {
      const headers = { authorization: `Bearer ${state.serviceToken}` };
      const compliance = async (name: string) =>
        (
          await request.get(
            `${url}/api/policy/entities/component/default/${name}/compliance`,
            { headers },
          )
        ).json();
      // Recorded as the catalog processes the entity, not on request.
      await expect
        .poll(async () => (await compliance('card-payments')).status, {
          timeout: 120_000,
        })
        .toBe('fail');
      const card = await compliance('card-payments');
      expect(card.violations.map((v: { rule: string }) => v.rule)).toContain(
        'CAT-PCI-002',
      );
      expect(card.revision).toMatch(/^[0-9a-f]{16}$/);
      await expect
        .poll(async () => (await compliance('fraud-scoring')).status, {
          timeout: 120_000,
        })
        .toBe('pass');
    });

    test('decides permissions through the policy backend and logs them', async ({
      request,
    }) => {
      // Service callers skip the permission policy; a signed-in guest
      // does not.
      const session = await request.get(`${url}/api/auth/guest/refresh`);
      expect(session.status()).toBe(200);
      const { token } = (await session.json()).backstageIdentity;
      const userHeaders = { authorization: `Bearer ${token}` };
      const before = Date.now();
      const read = await request.get(`${url}/api/policy/decisions`, {
        headers: userHeaders,
        params: { decisionPoint: 'permission', limit: 1 },
      });
      expect(read.status()).toBe(200);

      // Reading the decision log was itself a permission decision.
      const log = await request.get(`${url}/api/policy/decisions`, {
        headers: { authorization: `Bearer ${state.serviceToken}` },
        params: {
          decisionPoint: 'permission',
          actor: 'user:default/guest',
        },
      });
      const [latest] = (await log.json()).items;
      expect(latest).toMatchObject({
        decisionPoint: 'permission',
        allow: true,
        revision: expect.stringMatching(/^[0-9a-f]{16}$/),
      });
      expect(Date.parse(latest.decidedAt)).toBeGreaterThanOrEqual(
        before - 1000,
      );
    });

    test('logged no error while starting', async () => {
      // Log lines read "<time> <plugin> <level> <message>", maybe coloured.
      const errors = stripVTControlCharacters(readFileSync(logFile, 'utf8'))
        .split('\n')
        .filter(line => line.split(/\s+/)[2] === 'error');
      expect(errors).toEqual([]);
    });
  });
}
