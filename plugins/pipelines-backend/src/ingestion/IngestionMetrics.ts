import type {
  MetricsService,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import { DeliveryContent } from './DeliveryContent';

/** What became of a delivery; `error` when ingesting it threw. */
export type IngestionOutcome =
  | 'stored'
  | 'duplicate'
  | 'malformed'
  | 'ignored'
  | 'unmapped'
  | 'error';

export interface IngestionAttributes {
  [key: string]: string;
  topic: string;
  outcome: IngestionOutcome;
}

/** Storing one delivery: milliseconds normally, seconds under load. */
const DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
/**
 * From GitHub's own delivery delay (a second or two) to a backfill that
 * repairs a day of missed deliveries.
 */
const LAG_BUCKETS = [
  0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400,
];

/**
 * Metrics of webhook ingestion, labelled by topic (`github.workflow_run`,
 * `argocd`...) and outcome:
 *
 * - `finops.pipelines.ingestion.duration`: from the delivery reaching the
 *   ingestor to its outcome (stored, duplicate...), in seconds.
 * - `finops.pipelines.ingestion.lag`: for stored deliveries, from the time
 *   the event happened (the run's, job's or deployment status's own update
 *   time in the payload) to stored, in seconds: GitHub's delivery delay,
 *   retries and our queueing together. Pushes carry commit times, which say
 *   nothing about delivery, and are left out.
 */
export class IngestionMetrics {
  readonly #topics: ReadonlySet<string>;
  readonly #duration: MetricsServiceHistogram<IngestionAttributes>;
  readonly #lag: MetricsServiceHistogram<IngestionAttributes>;

  static create(options: {
    metrics: MetricsService;
    topics: readonly string[];
  }): IngestionMetrics {
    return new IngestionMetrics(options.metrics, options.topics);
  }

  private constructor(metrics: MetricsService, topics: readonly string[]) {
    this.#topics = new Set(topics);
    this.#duration = metrics.createHistogram<IngestionAttributes>(
      'finops.pipelines.ingestion.duration',
      {
        description:
          'Time from a webhook delivery reaching the ingestor to its outcome',
        unit: 's',
        advice: { explicitBucketBoundaries: DURATION_BUCKETS },
      },
    );
    this.#lag = metrics.createHistogram<IngestionAttributes>(
      'finops.pipelines.ingestion.lag',
      {
        description:
          'Time from a pipeline event happening to its delivery being stored',
        unit: 's',
        advice: { explicitBucketBoundaries: LAG_BUCKETS },
      },
    );
  }

  record(options: {
    topic: string;
    outcome: IngestionOutcome;
    receivedAt: number;
    eventTime?: number;
    now?: number;
  }): void {
    const now = options.now ?? Date.now();
    const attributes: IngestionAttributes = {
      // Topics come from our subscription; anything else is one label.
      topic: this.#topics.has(options.topic) ? options.topic : 'other',
      outcome: options.outcome,
    };
    this.#duration.record(
      Math.max(0, now - options.receivedAt) / 1000,
      attributes,
    );
    if (options.outcome === 'stored' && options.eventTime !== undefined) {
      // A sender's clock ahead of ours is not a negative delay.
      this.#lag.record(Math.max(0, now - options.eventTime) / 1000, attributes);
    }
  }
}

/** When the event a delivery reports happened; undefined for pushes. */
export function eventTimeOf(content: DeliveryContent): number | undefined {
  switch (content.type) {
    case 'run':
      return content.run.updatedAt;
    case 'job':
      return (
        content.job.completedAt ??
        content.job.startedAt ??
        content.job.createdAt
      );
    case 'deployment':
      return content.deployment.statusUpdatedAt;
    default:
      return undefined;
  }
}
