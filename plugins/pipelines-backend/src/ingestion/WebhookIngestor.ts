import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { ZodError } from 'zod';
import { ChangeStore } from '../database/ChangeStore';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { RunStore } from '../database/RunStore';
import { parseArgoCdDelivery } from './argoCdDeliveries';
import { CatalogEntityIndex } from './CatalogEntityIndex';
import { DeliveryContent } from './DeliveryContent';
import { parseGithubDelivery } from './githubDeliveries';
import { eventTimeOf, IngestionMetrics } from './IngestionMetrics';
import { PipelineChange, PipelineSignals } from '../PipelineSignals';

/** The GitHub events stored; the github module publishes `github.<event>`. */
export const GITHUB_EVENTS = [
  'workflow_run',
  'workflow_job',
  'deployment',
  'deployment_status',
  'push',
  'pull_request',
] as const;
export const ARGOCD_TOPIC = 'argocd';
export const INGESTED_TOPICS = [
  ...GITHUB_EVENTS.map(event => `github.${event}`),
  ARGOCD_TOPIC,
];

/** Header names as Node lowercases them; the events backend passes them on. */
const GITHUB_DELIVERY_HEADER = 'x-github-delivery';
const ARGOCD_DELIVERY_HEADER = 'x-argocd-delivery';
const MAX_DELIVERY_ID = 128;

export type IngestOutcome =
  | 'stored'
  | 'duplicate'
  | 'malformed'
  | 'ignored'
  | 'unmapped';

/**
 * Stores GitHub and Argo CD deliveries. The events backend answers the
 * sender only once subscribers return, so this does little: check the
 * payload (zod), find the entity (cached), and write in one transaction
 * that also claims the delivery id. A malformed delivery is logged by its
 * id and the paths that failed, never its body, and nothing is written.
 */
const CHANGE_OF: Record<
  Exclude<DeliveryContent['type'], 'ignored'>,
  PipelineChange
> = {
  run: 'runs',
  job: 'runs',
  deployment: 'deployments',
  changes: 'changes',
};

export class WebhookIngestor {
  readonly #db: Knex;
  readonly #runs: RunStore;
  readonly #deployments: DeploymentStore;
  readonly #changes: ChangeStore;
  readonly #deliveries: DeliveryStore;
  readonly #entities: CatalogEntityIndex;
  readonly #logger: LoggerService;
  readonly #signals: PipelineSignals | undefined;
  readonly #metrics: IngestionMetrics | undefined;

  static create(options: {
    db: Knex;
    runs: RunStore;
    deployments: DeploymentStore;
    changes: ChangeStore;
    deliveries: DeliveryStore;
    entities: CatalogEntityIndex;
    logger: LoggerService;
    signals?: PipelineSignals;
    metrics?: IngestionMetrics;
  }): WebhookIngestor {
    return new WebhookIngestor(options);
  }

  private constructor(options: Parameters<typeof WebhookIngestor.create>[0]) {
    this.#db = options.db;
    this.#runs = options.runs;
    this.#deployments = options.deployments;
    this.#changes = options.changes;
    this.#deliveries = options.deliveries;
    this.#entities = options.entities;
    this.#logger = options.logger;
    this.#signals = options.signals;
    this.#metrics = options.metrics;
  }

  async subscribe(events: EventsService): Promise<void> {
    await events.subscribe({
      id: 'ingest',
      topics: INGESTED_TOPICS,
      onEvent: async params => {
        await this.ingest(params);
      },
    });
  }

  async ingest(params: EventParams): Promise<IngestOutcome> {
    const receivedAt = Date.now();
    let result: { outcome: IngestOutcome; eventTime?: number } | undefined;
    try {
      result = await this.#ingest(params);
      return result.outcome;
    } finally {
      this.#metrics?.record({
        topic: params.topic,
        outcome: result?.outcome ?? 'error',
        receivedAt,
        eventTime: result?.eventTime,
      });
    }
  }

  async #ingest(
    params: EventParams,
  ): Promise<{ outcome: IngestOutcome; eventTime?: number }> {
    const { topic, eventPayload } = params;
    const deliveryId = deliveryIdOf(params);
    const log = { topic, deliveryId };
    let content: DeliveryContent;
    try {
      content =
        topic === ARGOCD_TOPIC
          ? parseArgoCdDelivery(eventPayload)
          : parseGithubDelivery(topic.replace(/^github\./, ''), eventPayload);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      this.#logger.warn('Dropped a malformed delivery', {
        ...log,
        issues: error.issues
          .map(issue => `${issue.path.join('.')}: ${issue.code}`)
          .join('; '),
      });
      return { outcome: 'malformed' };
    }
    if (content.type === 'ignored') {
      this.#logger.debug('Ignored a delivery', {
        ...log,
        reason: content.reason,
      });
      return { outcome: 'ignored' };
    }
    const entityRef = await this.#entities.locate(content.locator);
    if (!entityRef) {
      this.#logger.debug('Ignored a delivery no catalog entity claims', {
        ...log,
        ...content.locator,
      });
      return { outcome: 'unmapped' };
    }
    const stored = await this.#db.transaction(async tx => {
      if (!(await this.#deliveries.claim(tx, deliveryId, topic, Date.now()))) {
        return false;
      }
      await this.#write(tx, content, entityRef);
      return true;
    });
    if (!stored) {
      this.#logger.debug('Ignored a delivery stored before', log);
      return { outcome: 'duplicate' };
    }
    this.#signals?.changed(entityRef, CHANGE_OF[content.type]);
    return { outcome: 'stored', eventTime: eventTimeOf(content) };
  }

  async #write(
    tx: Knex.Transaction,
    content: Exclude<DeliveryContent, { type: 'ignored' }>,
    entityRef: string,
  ): Promise<void> {
    switch (content.type) {
      case 'run':
        return this.#runs.upsertRun(tx, { ...content.run, entityRef });
      case 'job':
        return this.#runs.upsertJob(tx, { ...content.job, entityRef });
      case 'deployment':
        return this.#deployments.upsert(tx, {
          ...content.deployment,
          entityRef,
        });
      case 'changes':
        return this.#changes.record(
          tx,
          content.changes.map(change => ({ ...change, entityRef })),
        );
      default:
        throw new Error(`Unknown delivery content`);
    }
  }
}

/**
 * The sender's delivery id. Events relayed through the event bus from
 * another replica carry no headers, nor do senders that set none: for
 * those the id is a digest of the topic and payload, so a replay of the
 * same body is still recognised.
 */
function deliveryIdOf(params: EventParams): string {
  const header =
    params.topic === ARGOCD_TOPIC
      ? ARGOCD_DELIVERY_HEADER
      : GITHUB_DELIVERY_HEADER;
  const value = params.metadata?.[header];
  const id = Array.isArray(value) ? value[0] : value;
  if (typeof id === 'string' && id.length > 0 && id.length <= MAX_DELIVERY_ID) {
    return id;
  }
  return `sha256:${createHash('sha256')
    .update(params.topic)
    .update('\n')
    .update(JSON.stringify(params.eventPayload) ?? '')
    .digest('hex')}`;
}
