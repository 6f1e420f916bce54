import { Config } from '@backstage/config';

const TIMEOUT_MS = 15_000;

/** Argo CD answered with an error (its body: `{error, code, message}`). */
export class ArgoCdApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ArgoCdApiError';
    this.status = status;
  }
}

/**
 * The one Argo CD call deploys need: sync an application to a revision
 * (`POST /api/v1/applications/{name}/sync`, bearer token of an Argo CD
 * account with `applications, sync` rights). Configured by
 * `pipelines.argocd.baseUrl` and `pipelines.argocd.token`.
 */
export class ArgoCdClient {
  readonly #baseUrl: string;
  readonly #token: string;

  /** Undefined when Argo CD is not configured. */
  static fromConfig(config: Config): ArgoCdClient | undefined {
    const argocd = config.getOptionalConfig('pipelines.argocd');
    if (!argocd) return undefined;
    return new ArgoCdClient(
      argocd.getString('baseUrl').replace(/\/+$/, ''),
      argocd.getString('token'),
    );
  }

  private constructor(baseUrl: string, token: string) {
    this.#baseUrl = baseUrl;
    this.#token = token;
  }

  /** Starts a sync of `app` to `revision`; resolves once Argo CD took it. */
  async sync(app: string, revision: string): Promise<void> {
    const url = `${this.#baseUrl}/api/v1/applications/${encodeURIComponent(
      app,
    )}/sync`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${this.#token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ revision, prune: false, dryRun: false }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ArgoCdApiError(
        0,
        `Argo CD did not answer: ${(error as Error).message}`,
      );
    }
    if (!response.ok) {
      const body = await response.json().catch(() => undefined);
      const detail =
        (body && (body.message || body.error)) || response.statusText;
      throw new ArgoCdApiError(
        response.status,
        `Argo CD refused to sync ${app} (${response.status}): ${detail}`,
      );
    }
  }
}
