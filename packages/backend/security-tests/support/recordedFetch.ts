import { appendFile } from 'node:fs/promises';
import { RESPONSES_FILE } from './state';

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * fetch, with the response (status, headers, body) appended to the
 * suite's response record for the leak scan. The request is not recorded:
 * it carries the test's own credentials.
 */
export async function recordedFetch(
  url: string,
  init: RequestInit = {},
): Promise<RecordedResponse> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const response = {
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body: await res.text(),
  };
  const { pathname } = new URL(url);
  await appendFile(
    RESPONSES_FILE,
    `${JSON.stringify({
      method: init.method ?? 'GET',
      pathname,
      ...response,
    })}\n`,
  );
  return response;
}
