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

    test('logged no error while starting', async () => {
      // Log lines read "<time> <plugin> <level> <message>", maybe coloured.
      const errors = stripVTControlCharacters(readFileSync(logFile, 'utf8'))
        .split('\n')
        .filter(line => line.split(/\s+/)[2] === 'error');
      expect(errors).toEqual([]);
    });
  });
}
