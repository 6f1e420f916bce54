import { ServiceUnavailableError } from '@backstage/errors';
import { DecisionPoint } from '@finops/plugin-policy-common';
import { policyRevision } from './revision';
import { PolicyDocument, PolicyEvaluator } from './types';

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
  #revision?: { value: Promise<string>; expiresAt: number };

  constructor(options: { baseUrl: string }) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async evaluate(
    point: DecisionPoint,
    input: unknown,
  ): Promise<PolicyDocument> {
    const body = await this.#request(`/v1/data/finops/${point}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
    if (!this.#revision || this.#revision.expiresAt < Date.now()) {
      const value = this.#fetchRevision();
      this.#revision = { value, expiresAt: Date.now() + REVISION_TTL_MS };
      // A failed read must not be remembered.
      value.catch(() => {
        this.#revision = undefined;
      });
    }
    return this.#revision.value;
  }

  async #fetchRevision(): Promise<string> {
    const { result } = (await this.#request('/v1/policies', {
      method: 'GET',
    })) as { result: Array<{ id: string; raw: string }> };
    return policyRevision(
      result.filter(p => !p.id.endsWith('_test.rego')).map(p => p.raw),
    );
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
