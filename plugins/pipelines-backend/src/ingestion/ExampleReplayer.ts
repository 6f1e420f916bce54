import { LoggerService } from '@backstage/backend-plugin-api';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IngestOutcome, WebhookIngestor } from './WebhookIngestor';

/** GitHub's time format, as in every time field of its payloads. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** One recorded delivery: what the events backend would publish. */
export interface ExampleDelivery {
  /** `github.<event>` or `argocd`. */
  topic: string;
  deliveryId: string;
  payload: unknown;
}

/**
 * Replays the example deliveries (`examples/pipelines/*.json`, each
 * `{ "deliveries": [...] }`) through the webhook ingestion, for the local
 * default. Every time in them is moved by the same amount so that the
 * newest is now: the spacing stays, and a fresh database always shows
 * recent history. The delivery ids make a second replay store nothing.
 */
export class ExampleReplayer {
  readonly #directory: string;
  readonly #ingestor: WebhookIngestor;
  readonly #logger: LoggerService;

  static create(options: {
    directory: string;
    ingestor: WebhookIngestor;
    logger: LoggerService;
  }): ExampleReplayer {
    return new ExampleReplayer(options);
  }

  private constructor(options: Parameters<typeof ExampleReplayer.create>[0]) {
    this.#directory = resolve(options.directory);
    this.#ingestor = options.ingestor;
    this.#logger = options.logger;
  }

  /**
   * Replays every example; true when each was stored now or before, false
   * when some belong to entities the catalog does not have (yet).
   */
  async replay(now: number): Promise<boolean> {
    const deliveries = await this.#read();
    const shift = shiftToEndAt(deliveries, now);
    const outcomes: Record<IngestOutcome, number> = {
      stored: 0,
      duplicate: 0,
      malformed: 0,
      ignored: 0,
      unmapped: 0,
    };
    for (const delivery of deliveries) {
      const outcome = await this.#ingestor.ingest({
        topic: delivery.topic,
        eventPayload: shiftTimes(delivery.payload, shift),
        metadata: {
          'x-github-event': delivery.topic.replace(/^github\./, ''),
          'x-github-delivery': delivery.deliveryId,
          'x-argocd-delivery': delivery.deliveryId,
        },
      });
      outcomes[outcome] += 1;
    }
    this.#logger.info('Replayed the example pipeline deliveries', {
      directory: this.#directory,
      ...outcomes,
    });
    return outcomes.unmapped === 0;
  }

  async #read(): Promise<ExampleDelivery[]> {
    const files = (await readdir(this.#directory))
      .filter(file => file.endsWith('.json'))
      .sort();
    const all: ExampleDelivery[] = [];
    for (const file of files) {
      const content = JSON.parse(
        await readFile(resolve(this.#directory, file), 'utf8'),
      );
      all.push(...(content.deliveries as ExampleDelivery[]));
    }
    return all;
  }
}

/** How far to move every time so that the newest is `now`. */
function shiftToEndAt(deliveries: ExampleDelivery[], now: number): number {
  let newest = -Infinity;
  const visit = (value: unknown) => {
    if (typeof value === 'string' && ISO_TIME.test(value)) {
      newest = Math.max(newest, Date.parse(value));
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  deliveries.forEach(d => visit(d.payload));
  // Whole seconds, as GitHub writes them.
  return Number.isFinite(newest) ? Math.floor((now - newest) / 1000) * 1000 : 0;
}

function shiftTimes(value: unknown, shift: number): unknown {
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    return new Date(Date.parse(value) + shift)
      .toISOString()
      .replace('.000Z', 'Z');
  }
  if (Array.isArray(value)) {
    return value.map(item => shiftTimes(item, shift));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        shiftTimes(item, shift),
      ]),
    );
  }
  return value;
}
