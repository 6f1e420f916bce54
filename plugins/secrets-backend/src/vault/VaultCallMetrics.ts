import type {
  MetricsService,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import type { VaultRequest } from './VaultConnection';

export interface VaultCallAttributes {
  [key: string]: string;
  /**
   * The configured instance (`secrets.vault.instances[].name`); not
   * `instance`, which is Prometheus' label for the scraped process.
   */
  vault: string;
  /** Method and path template, e.g. `GET kv/metadata/{path}`. */
  operation: string;
  /** success, or the kind of error the caller got. */
  outcome: string;
}

/** Vault answers in milliseconds; retries and timeouts take seconds. */
const DURATION_BUCKETS = [
  0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** Backstage error names our Vault errors use, and their outcome label. */
const OUTCOMES: Record<string, string> = {
  NotFoundError: 'not_found',
  ConflictError: 'conflict',
  NotAllowedError: 'denied',
  AuthenticationError: 'denied',
  InputError: 'invalid',
  ServiceUnavailableError: 'unavailable',
};

/**
 * The histogram `finops.vault.request.duration` (seconds): one sample per
 * call to Vault, retries included, by Vault instance (label `vault`),
 * operation and outcome.
 * The operation is a path template: entity names, secret paths and role
 * names never become label values.
 */
export class VaultCallMetrics {
  readonly #duration: MetricsServiceHistogram<VaultCallAttributes>;

  static create(metrics: MetricsService): VaultCallMetrics {
    return new VaultCallMetrics(metrics);
  }

  private constructor(metrics: MetricsService) {
    this.#duration = metrics.createHistogram<VaultCallAttributes>(
      'finops.vault.request.duration',
      {
        description: 'Duration of calls to Vault, retries included',
        unit: 's',
        advice: { explicitBucketBoundaries: DURATION_BUCKETS },
      },
    );
  }

  async time<T>(
    call: { instance: string; kvMount: string; request: VaultRequest },
    send: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    let outcome = 'error';
    try {
      const answer = await send();
      outcome = 'success';
      return answer;
    } catch (error) {
      outcome = OUTCOMES[(error as Error)?.name] ?? 'error';
      throw error;
    } finally {
      this.#duration.record((performance.now() - started) / 1000, {
        vault: call.instance,
        operation: vaultOperation(call.request, call.kvMount),
        outcome,
      });
    }
  }
}

/** Paths without names in them, reported as they are. */
const FIXED_PATHS = new Set([
  'sys/health',
  'sys/wrapping/wrap',
  'auth/token/lookup-self',
  'auth/token/renew-self',
]);
const AUTH_ROLE = /^auth\/.+\/role\/[^/]+(\/role-id|\/secret-id)?$/;
const AUTH_LOGIN = /^auth\/.+\/login$/;
const KV_KINDS = ['data', 'metadata', 'delete', 'destroy'];

/** `METHOD template` of a request, without the names in its path. */
export function vaultOperation(request: VaultRequest, kvMount: string): string {
  const path = request.path.replace(/^\/+/, '');
  let template = 'other';
  if (FIXED_PATHS.has(path)) {
    template = path;
  } else if (path.startsWith('sys/policies/acl/')) {
    template = 'sys/policies/acl/{name}';
  } else if (path.startsWith(`${kvMount}/`)) {
    const kind = path.slice(kvMount.length + 1).split('/')[0];
    if (KV_KINDS.includes(kind)) template = `kv/${kind}/{path}`;
  } else if (AUTH_LOGIN.test(path)) {
    template = 'auth/{mount}/login';
  } else {
    const role = AUTH_ROLE.exec(path);
    if (role) template = `auth/{mount}/role/{role}${role[1] ?? ''}`;
  }
  const list = request.query?.list === 'true' ? '?list' : '';
  return `${request.method} ${template}${list}`;
}
