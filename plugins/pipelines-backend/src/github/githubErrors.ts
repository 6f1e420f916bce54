import { CustomErrorBase } from '@backstage/errors';

/** GitHub's advice for a secondary limit that names no time: a minute. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/** GitHub answered with an error; `message` carries GitHub's own. */
export class GithubApiError extends CustomErrorBase {
  name = 'GithubApiError' as const;
  readonly status: number;
  readonly documentationUrl: string | undefined;

  constructor(status: number, message: string, documentationUrl?: string) {
    super(message);
    this.status = status;
    this.documentationUrl = documentationUrl;
  }
}

/** GitHub refused for a rate limit; nothing should be asked before `resetAt`. */
export class GithubRateLimitError extends CustomErrorBase {
  name = 'GithubRateLimitError' as const;
  readonly status: number;
  /** Epoch milliseconds. */
  readonly resetAt: number;
  /** The hourly budget (primary) or abuse protection (secondary). */
  readonly limit: 'primary' | 'secondary';

  constructor(options: {
    status: number;
    message: string;
    resetAt: number;
    limit: 'primary' | 'secondary';
  }) {
    super(options.message);
    this.status = options.status;
    this.resetAt = options.resetAt;
    this.limit = options.limit;
  }
}

/** The budget GitHub reported with its last answer. */
export interface GithubRateLimit {
  limit: number;
  remaining: number;
  /** Epoch milliseconds. */
  resetAt: number;
}

/**
 * When a refusal is a rate limit, when to come back, as GitHub documents
 * it: `retry-after` seconds (secondary), else the reset of an exhausted
 * budget (primary), else a minute for a secondary limit without either.
 */
export function rateLimitOf(
  response: Response,
  message: string,
): { resetAt: number; limit: 'primary' | 'secondary' } | undefined {
  if (response.status !== 403 && response.status !== 429) {
    return undefined;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  if (response.headers.has('retry-after') && Number.isFinite(retryAfter)) {
    return { resetAt: Date.now() + retryAfter * 1000, limit: 'secondary' };
  }
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    return {
      resetAt: reset > 0 ? reset * 1000 : Date.now() + SECONDARY_LIMIT_WAIT_MS,
      limit: 'primary',
    };
  }
  if (response.status === 429 || /rate limit/i.test(message)) {
    return {
      resetAt: Date.now() + SECONDARY_LIMIT_WAIT_MS,
      limit: 'secondary',
    };
  }
  return undefined;
}

export async function jsonBody(
  response: Response,
  what: string,
): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new GithubApiError(
      response.status,
      `GitHub answered ${what} with something other than JSON`,
    );
  }
}

export async function errorBody(
  response: Response,
): Promise<{ message: string; documentationUrl?: string }> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (typeof body?.message === 'string') {
      return {
        message: body.message.slice(0, 500),
        documentationUrl:
          typeof body.documentation_url === 'string'
            ? body.documentation_url
            : undefined,
      };
    }
  } catch {
    // Not GitHub's JSON (a proxy's page): the status says enough.
  }
  return { message: response.statusText || 'no message' };
}
