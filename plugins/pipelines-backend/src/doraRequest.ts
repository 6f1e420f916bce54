import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { DoraScope } from './ingestion/CatalogEntityIndex';

const DAY_MS = 86_400_000;
const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;

/** An ISO time, or a date: `since` starts at it, `until` ends after it. */
const time = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const doraQuery = z.object({
  entityRef: z.string().optional(),
  system: z.string().optional(),
  owner: z.string().optional(),
  since: time.optional(),
  until: time.optional(),
});

/**
 * What GET /dora asks: exactly one scope, and a range of at most a year
 * (default: the last 30 days). The spec cannot say either.
 */
export function parseDoraRequest(
  query: unknown,
  now: number,
): { scope: DoraScope; from: number; to: number } {
  const parsed = doraQuery.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      'since and until must be ISO 8601 times or dates (YYYY-MM-DD)',
    );
  }
  const { entityRef, system, owner, since, until } = parsed.data;
  const scopes = [
    entityRef && { entityRef },
    system && { system },
    owner && { owner },
  ].filter(Boolean) as DoraScope[];
  if (scopes.length !== 1) {
    throw new InputError('Give exactly one of entityRef, system or owner');
  }
  const end = until
    ? Date.parse(until) + (until.length === 10 ? DAY_MS : 0)
    : now;
  const start = since ? Date.parse(since) : end - DEFAULT_RANGE_DAYS * DAY_MS;
  if (start >= end) {
    throw new InputError('since must be before until');
  }
  if (end - start > MAX_RANGE_DAYS * DAY_MS) {
    throw new InputError(`The range is at most ${MAX_RANGE_DAYS} days`);
  }
  return { scope: scopes[0], from: start, to: end };
}
