import { FakePortal, sendJson } from '../../__testUtils__/fakePortal';
import { runFinops } from '../../__testUtils__/runFinops';

describe('finops policy exceptions', () => {
  it('requests an exception expiring in 30 days', async () => {
    const portal = await FakePortal.start();
    try {
      portal.on('POST', '/api/policy/exceptions', (req, res) =>
        sendJson(res, 201, {
          id: 'e1',
          status: 'pending',
          requestedBy: 'user:default/jane',
          requestedAt: '2025-06-01T12:00:00Z',
          reviewedBy: null,
          reviewedAt: null,
          reviewComment: null,
          ...(req.body as object),
        }),
      );
      const now = Date.parse('2025-06-01T12:00:00Z');
      const run = await runFinops(
        [
          'policy',
          'exceptions',
          'request',
          '--entity',
          'card-payments',
          '--rule',
          'CAT-ONCALL-001',
          '--justification',
          'PagerDuty is being set up',
          '--compensating-control',
          'The team watches the alerts channel',
          '--expires',
          '30d',
          '--portal',
          portal.url,
        ],
        { env: { FINOPS_TOKEN: 't' }, deps: { now: () => now } },
      );
      expect(run.exitCode).toBe(0);
      expect(portal.requests[0].body).toEqual({
        entityRef: 'component:default/card-payments',
        rule: 'CAT-ONCALL-001',
        justification: 'PagerDuty is being set up',
        compensatingControl: 'The team watches the alerts channel',
        expiresAt: '2025-07-01T12:00:00.000Z',
      });
      expect(run.stdout).toContain(
        '✔ Requested exception e1 to CAT-ONCALL-001',
      );
    } finally {
      await portal.close();
    }
  });

  it('refuses an expiry it cannot read', async () => {
    const run = await runFinops([
      'policy',
      'exceptions',
      'request',
      '--entity',
      'x',
      '--rule',
      'R',
      '--justification',
      'j',
      '--compensating-control',
      'c',
      '--expires',
      'soon',
      '--portal',
      'http://127.0.0.1:1',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'finops: --expires: a date like 2025-09-30, or days from now like 30d\n',
    );
  });
});
