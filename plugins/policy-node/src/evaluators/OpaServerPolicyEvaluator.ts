import { ServiceUnavailableError } from '@backstage/errors';
import { DecisionPoint } from '@finops/plugin-policy-common';
import { policyRevision } from './revision';
import { PolicyDocument, PolicyEvaluator, PolicyModule } from './types';

/** A decision must not hold a request for long: fail closed instead. */
const REQUEST_TIMEOUT_MS = 2_000;
/** Retries on connection errors and 5xx, with exponential backoff. */
const RETRY_DELAYS_MS = [50, 200];
/**
 * The revision is read from the server's policies, not per decision: a
 * reload shows up in the decision log within this time.
 */
const REVISION_TTL_MS = 10_000;

/**
 * Evaluates through an OPA server's Data API
 * (`POST /v1/data/finops/<point>`), the production evaluator.
 */
export class OpaServerPolicyEvaluator implements PolicyEvaluator {
  readonly kind = 'server';
  readonly #baseUrl: string;
  readonly #revisionTtlMs: number;
  #loaded?: {
    value: Promise<{ revision: string; modules: PolicyModule[] }>;
    expiresAt: number;
  };

  constructor(options: { baseUrl: string; revisionTtlMs?: number }) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#revisionTtlMs = options.revisionTtlMs ?? REVISION_TTL_MS;
  }

  /** OPA answers with the whole package, rules included, either way. */
  async evaluate(
    point: DecisionPoint,
    input: unknown,
    _options?: { rules?: boolean },
  ): Promise<PolicyDocument> {
    const body = await this.#request(`/v1/data/finops/${point}`, {
      method: 'POST',
      // The answer is small and local: compressing it costs more than it saves.
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'identity',
      },
      body: JSON.stringify({ input }),
    });
    const { result } = body as { result?: PolicyDocument };
    if (!result) {
      throw new ServiceUnavailableError(
        `OPA server has no policy loaded for finops.${point}`,
      );
    }
    return result;
  }

  async revision(): Promise<string> {
    return (await this.#loadedPolicy()).revision;
  }

  async modules(): Promise<PolicyModule[]> {
    return (await this.#loadedPolicy()).modules;
  }

  #loadedPolicy() {
    if (!this.#loaded || this.#loaded.expiresAt < Date.now()) {
      const value = this.#fetchModules();
      this.#loaded = { value, expiresAt: Date.now() + this.#revisionTtlMs };
      // A failed read must not be remembered.
      value.catch(() => {
        this.#loaded = undefined;
      });
    }
    return this.#loaded.value;
  }

  async #fetchModules() {
    const { result } = (await this.#request('/v1/policies', {
      method: 'GET',
    })) as { result: Array<{ id: string; raw: string }> };
    const modules = result
      .filter(p => !p.id.endsWith('_test.rego'))
      .map(p => ({ path: p.id, raw: p.raw }))
      .sort((a, b) => a.path.localeCompare(b.path));
    return {
      revision: policyRevision(modules.map(m => m.raw)),
      modules,
    };
  }

  async #request(path: string, init: RequestInit): Promise<unknown> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
      if (attempt > 0) {
        await new Promise(r => setTimeout(r, RETRY_DELAYS_MS[attempt - 1]));
      }
      try {
        const response = await fetch(`${this.#baseUrl}${path}`, {
          ...init,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (response.ok) return await response.json();
        lastError = new Error(`HTTP ${response.status}`);
        // A 4xx is our request's fault and will not change on retry.
        if (response.status < 500) break;
      } catch (error) {
        lastError = error;
      }
    }
    throw new ServiceUnavailableError(
      `OPA server at ${this.#baseUrl} did not answer: ${
        (lastError as Error)?.message ?? lastError
      }`,
    );
  }
}
