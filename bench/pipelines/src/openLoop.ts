/*
 * How deliveries are sent: WebhookSender posts them to the events
 * backend's GitHub ingress over keep-alive connections. The open-loop
 * scheduler that times them is shared with bench/load
 * (bench/shared/src/openLoop.ts).
 */
import { Agent, request } from 'node:http';
import { Delivery } from './deliveries';

export { openLoop } from '../../shared/src/openLoop';
export type { OpenLoopResult } from '../../shared/src/openLoop';

/** Posts deliveries to the events backend's GitHub ingress, keep-alive. */
export class WebhookSender {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 256 });
  readonly #url: URL;

  constructor(baseUrl: string) {
    this.#url = new URL('/api/events/http/github', baseUrl);
  }

  send(delivery: Delivery): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const req = request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          path: this.#url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(delivery.body.length),
            'user-agent': 'GitHub-Hookshot/bench',
            'x-github-event': delivery.event,
            'x-github-delivery': delivery.id,
            'x-hub-signature-256': delivery.signature,
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            // The events backend answers 202 once subscribers are done.
            if (res.statusCode === 202) {
              resolve();
            } else {
              const text = Buffer.concat(chunks).toString('utf8');
              reject(
                new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`),
              );
            }
          });
        },
      );
      req.on('error', reject);
      req.end(delivery.body);
    });
  }

  close() {
    this.#agent.destroy();
  }
}
