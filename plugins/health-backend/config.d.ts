import { HumanDuration } from '@backstage/types';

/** One Prometheus, Alertmanager or Grafana the portal reads. */
interface SourceInstance {
  /**
   * How the portal names it (letters, digits, - and _); entities pick it
   * with finops.io/<source>-instance.
   */
  name: string;
  /** Where its HTTP API answers, e.g. http://prometheus.monitoring:9090. */
  baseUrl: string;
  /** Where people open it in a browser, for links; baseUrl by default. */
  publicUrl?: string;
  /**
   * Headers sent with every request, e.g. Authorization for a proxy.
   * @visibility secret
   */
  headers?: { [name: string]: string };
}

export interface Config {
  /** Health of catalog entities (@finops/plugin-health-backend). */
  health?: {
    /** How long answers of the sources and SLO evaluations are reused; 30 seconds by default. */
    cacheTtl?: HumanDuration | string;
    /** How long one request to a source may take; 5 seconds by default. */
    queryTimeout?: HumanDuration | string;
    prometheus?: {
      /** The instance used when an entity names none; required with several. */
      defaultInstance?: string;
      /** The rate() window of the golden signals; 5m by default. */
      rateWindow?: string;
      /** The metrics the golden signals and SLOs read. */
      metrics?: {
        /** The request histogram; http_server_requests_seconds by default. */
        requestsHistogram?: string;
        /** The label holding the HTTP status code; status by default. */
        statusLabel?: string;
        /** Regular expression of the status codes that count as errors; 5.. by default. */
        errorStatusPattern?: string;
        /** CPU seconds counter; process_cpu_seconds_total by default. */
        cpuSeconds?: string;
      };
      instances: SourceInstance[];
    };
    alertmanager?: {
      defaultInstance?: string;
      instances: SourceInstance[];
    };
    grafana?: {
      defaultInstance?: string;
      instances: Array<
        SourceInstance & {
          /**
           * A Grafana service account token (Viewer).
           * @visibility secret
           */
          token?: string;
        }
      >;
    };
    slo?: {
      /** Below this share of budget left an SLO is a warning; 0.25 by default. */
      warningBudgetRemaining?: number;
    };
  };
}
