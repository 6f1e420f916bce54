import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
import { buildApp, type App } from './app.ts';

describe('the service', () => {
  let service: App;

  beforeEach(async () => {
    service = buildApp({ serviceName: 'test-service', logger: pino({ level: 'silent' }) });
    await service.app.ready();
  });

  afterEach(async () => {
    await service.app.close();
  });

  it('is alive and ready', async () => {
    assert.equal((await service.app.inject({ url: '/healthz' })).statusCode, 200);
    assert.equal((await service.app.inject({ url: '/readyz' })).statusCode, 200);
  });

  it('is not ready once shutting down, but still alive', async () => {
    service.markShuttingDown();
    assert.equal((await service.app.inject({ url: '/readyz' })).statusCode, 503);
    assert.equal((await service.app.inject({ url: '/healthz' })).statusCode, 200);
  });

  it('greets by name', async () => {
    const response = await service.app.inject({ url: '/v1/hello?name=Ada' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { message: 'Hello, Ada!' });
  });

  const badQueries: [query: string, why: string][] = [
    ['', 'no name'],
    ['?name=', 'an empty name'],
    ['?name=%3Cscript%3E', 'a name with markup'],
    [`?name=${'a'.repeat(65)}`, 'a name longer than 64 characters'],
  ];
  for (const [query, why] of badQueries) {
    it(`answers 400 with problem details for ${why}`, async () => {
      const response = await service.app.inject({ url: `/v1/hello${query}` });
      assert.equal(response.statusCode, 400);
      assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.equal(response.json<{ status: number }>().status, 400);
    });
  }

  it('measures requests by route template and status in the SLO buckets', async () => {
    await service.app.inject({ url: '/v1/hello?name=Ada' });
    await service.app.inject({ url: '/v1/hello' });

    const metrics = (await service.app.inject({ url: '/metrics' })).body;

    const bucket = (status: string) =>
      new RegExp(
        `^http_server_requests_seconds_bucket\\{(?=[^}]*le="0\\.25")(?=[^}]*service="test-service")(?=[^}]*method="GET")(?=[^}]*route="/v1/hello")(?=[^}]*status="${status}")[^}]*\\} 1$`,
        'm',
      );
    assert.match(metrics, bucket('200'));
    assert.match(metrics, bucket('400'));
    assert.match(metrics, /^process_cpu_seconds_total\{service="test-service"\} /m);
    assert.match(metrics, /^process_resident_memory_bytes\{service="test-service"\} /m);
    assert.doesNotMatch(metrics, /route="\/(healthz|readyz|metrics)"/);
  });
});
