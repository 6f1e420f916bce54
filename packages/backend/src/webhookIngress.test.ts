import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { createHmac } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { eventsModuleWebhookIngress } from './webhookIngress';

const SECRET = 'webhook-secret-for-tests';
const BODY = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
const sign = (body: string) =>
  `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('the webhook ingress', () => {
  async function start(withModule: boolean) {
    const backend = await startTestBackend({
      features: [
        eventsPlugin,
        ...(withModule ? [eventsModuleWebhookIngress] : []),
        mockServices.rootConfig.factory({
          // The ingress without the github module's signature check (its
          // feature loader needs ESM in jest); the security suite checks
          // signatures against the real backend.
          data: { events: { http: { topics: ['github'] } } },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`http://localhost:${port}/api/events/http/github`, {
        method: 'POST',
        headers: { 'x-github-event': 'ping', ...headers },
        // Bytes: fetch gives a string body a text/plain Content-Type.
        body: Buffer.from(body),
      });
    return { post, stop: () => backend.stop() };
  }

  it('answers malformed JSON with 400 and a missing Content-Type with 415', async () => {
    const { post, stop } = await start(true);
    try {
      const malformed = BODY.slice(0, -3);
      const answers = [
        await post(malformed, {
          'content-type': 'application/json',
          'x-hub-signature-256': sign(malformed),
        }),
        await post(malformed, { 'content-type': 'application/json' }),
        await post(BODY, { 'x-hub-signature-256': sign(BODY) }),
      ];
      expect(answers.map(a => a.status)).toEqual([400, 400, 415]);
      const error = await answers[0].json();
      expect(error.error.message).toBe(
        'The delivery to github is not valid JSON',
      );
    } finally {
      await stop();
    }
  });

  it('leaves valid JSON and other media types to the events backend', async () => {
    const { post, stop } = await start(true);
    try {
      const valid = await post(BODY, {
        'content-type': 'application/json; charset=utf-8',
      });
      const latin1 = await post(BODY, {
        'content-type': 'application/json; charset=latin1',
      });
      const plain = await post(BODY, { 'content-type': 'text/plain' });
      const charset = await post(BODY, {
        'content-type': 'application/json; charset=ebcdic',
      });
      expect([valid, latin1, plain, charset].map(r => r.status)).toEqual([
        202, 202, 415, 415,
      ]);
    } finally {
      await stop();
    }
  });

  it('is needed: without it the events backend answers both with 500', async () => {
    const { post, stop } = await start(false);
    try {
      const malformed = await post(BODY.slice(0, -3), {
        'content-type': 'application/json',
      });
      const untyped = await post(BODY, { 'x-hub-signature-256': sign(BODY) });
      expect([malformed.status, untyped.status]).toEqual([500, 500]);
    } finally {
      await stop();
    }
  });
});
