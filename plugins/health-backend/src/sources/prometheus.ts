import { SourceClient, SourceError } from './SourceClient';

/** One sample of an instant vector. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

interface PromResponse {
  status: 'success' | 'error';
  data?: {
    resultType: string;
    result: Array<{
      metric: Record<string, string>;
      value?: [number, string];
      values?: Array<[number, string]>;
    }>;
  };
  errorType?: string;
  error?: string;
}

function number(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function checked(client: SourceClient, body: PromResponse) {
  if (body.status !== 'success' || !body.data) {
    throw new SourceError(
      'error',
      `${client.title} refused the query: ${body.errorType ?? 'error'}: ${
        body.error ?? 'no reason given'
      }`,
    );
  }
  return body.data;
}

/** An instant query at `time` (unix seconds); NaN and Inf are dropped. */
export async function instantQuery(
  client: SourceClient,
  query: string,
  time: number,
): Promise<PromSample[]> {
  const params = new URLSearchParams({ query, time: String(time) });
  const data = checked(
    client,
    await client.get<PromResponse>(`/api/v1/query?${params}`),
  );
  if (data.resultType === 'scalar') {
    const value = number((data.result as unknown as [number, string])[1]);
    return value === null ? [] : [{ metric: {}, value }];
  }
  return data.result.flatMap(series => {
    const value = series.value ? number(series.value[1]) : null;
    return value === null ? [] : [{ metric: series.metric, value }];
  });
}

/** The single value of an instant query, or null when there is none. */
export async function instantValue(
  client: SourceClient,
  query: string,
  time: number,
): Promise<number | null> {
  const samples = await instantQuery(client, query, time);
  return samples.length > 0 ? samples[0].value : null;
}

/** The label that tells the parts of a batched query apart. */
const PART_LABEL = 'finops_part';

/**
 * The single values of several instant queries, asked in one request:
 * each query's result is labelled with its key and the parts are joined
 * with `or`. Prometheus evaluates the same expressions; the portal sends,
 * caches and parses one answer instead of one per query. Each value is
 * null where its query had none (no traffic: NaN). The queries must each
 * give at most one series (an aggregation).
 */
export async function instantValues(
  client: SourceClient,
  queries: Array<{ key: string; query: string }>,
  time: number,
): Promise<Array<number | null>> {
  const batched = queries
    .map(
      ({ key, query }) =>
        `label_replace(${query}, "${PART_LABEL}", "${key}", "", "")`,
    )
    .join(' or ');
  const samples = await instantQuery(client, batched, time);
  const byKey = new Map(samples.map(s => [s.metric[PART_LABEL], s.value]));
  return queries.map(({ key }) => byKey.get(key) ?? null);
}

/** A range query's first series as [unix seconds, value] points. */
export async function rangeValues(
  client: SourceClient,
  query: string,
  range: { start: number; end: number; step: number },
): Promise<Array<[number, number]>> {
  const params = new URLSearchParams({
    query,
    start: String(range.start),
    end: String(range.end),
    step: String(range.step),
  });
  const data = checked(
    client,
    await client.get<PromResponse>(`/api/v1/query_range?${params}`),
  );
  const series = data.result[0];
  return (series?.values ?? []).flatMap(([t, v]) => {
    const value = number(v);
    return value === null ? [] : [[t, value] as [number, number]];
  });
}
