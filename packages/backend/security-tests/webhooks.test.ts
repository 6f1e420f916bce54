import { test, expect } from '@playwright/test';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { recordedFetch } from './support/recordedFetch';
import { readSecurityState, REPO_ROOT } from './support/state';

/**
 * Hostile deliveries to GitHub's webhook ingress (POST
 * /api/events/http/github, the events backend with the github module):
 * each is refused with a clear 4xx and leaves nothing in the pipelines
 * backend's tables; a delivery sent twice is stored once.
 */

/** express.raw's limit in the events backend's HTTP ingress. */
const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

function workflowRun(runId: number) {
  const examples = JSON.parse(
    readFileSync(
      join(REPO_ROOT, 'examples/pipelines/card-payments.json'),
      'utf8',
    ),
  ).deliveries;
  const payload = structuredClone(
    examples.find((d: any) => d.topic === 'github.workflow_run').payload,
  );
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  Object.assign(payload.workflow_run, {
    id: runId,
    run_number: runId % 100_000,
    status: 'in_progress',
    conclusion: null,
    created_at: now,
    run_started_at: now,
    updated_at: now,
  });
  return payload;
}

function sign(body: string | Buffer, secret: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function deliver(body: string | Buffer, headers: Record<string, string>) {
  const { url } = readSecurityState();
  return recordedFetch(`${url}/api/events/http/github`, {
    method: 'POST',
    headers: { 'x-github-event': 'workflow_run', ...headers },
    // Bytes: fetch gives a string body a text/plain Content-Type.
    body: Buffer.from(body),
  });
}

/** What the pipelines backend stored for a run and a delivery id. */
async function stored(runId: number, deliveryIds: string[]) {
  const client = new Client({
    connectionString: readSecurityState().databaseUrl,
  });
  await client.connect();
  try {
    const runs = await client.query(
      'SELECT count(*)::int AS n FROM pipelines.pipeline_runs WHERE id = $1',
      [String(runId)],
    );
    const deliveries = await client.query(
      'SELECT count(*)::int AS n FROM pipelines.pipeline_deliveries WHERE delivery_id = ANY($1)',
      [deliveryIds],
    );
    return { runs: runs.rows[0].n, deliveries: deliveries.rows[0].n };
  } finally {
    await client.end();
  }
}

test('hostile deliveries are refused with a 4xx, and nothing is stored', async () => {
  const { webhookSecret } = readSecurityState();
  const runId = 990_100_000 + Math.floor(Math.random() * 99_999);
  const body = JSON.stringify(workflowRun(runId));
  const oversized = Buffer.alloc(BODY_LIMIT_BYTES + 1024, ' ');
  Buffer.from(body).copy(oversized);
  const malformed = `${body.slice(0, -10)}`;
  const cases: Array<{
    what: string;
    body: string | Buffer;
    headers: Record<string, string>;
    status: number;
  }> = [
    {
      what: `a body over the ${BODY_LIMIT_BYTES} byte limit, signed`,
      body: oversized,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': sign(oversized, webhookSecret),
      },
      status: 413,
    },
    {
      what: 'malformed JSON, signed',
      body: malformed,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': sign(malformed, webhookSecret),
      },
      status: 400,
    },
    {
      what: 'malformed JSON, unsigned',
      body: malformed,
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    {
      what: 'a content type GitHub does not send (text/plain)',
      body,
      headers: {
        'content-type': 'text/plain',
        'x-hub-signature-256': sign(body, webhookSecret),
      },
      status: 415,
    },
    {
      what: 'form encoding (GitHub can, this portal is set up for JSON)',
      body: `payload=${encodeURIComponent(body)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-hub-signature-256': sign(
          `payload=${encodeURIComponent(body)}`,
          webhookSecret,
        ),
      },
      status: 415,
    },
    {
      what: 'no content type at all',
      body,
      headers: { 'x-hub-signature-256': sign(body, webhookSecret) },
      status: 415,
    },
    {
      what: 'no X-Hub-Signature-256',
      body,
      headers: { 'content-type': 'application/json' },
      status: 403,
    },
    {
      what: 'a signature made with another secret',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': sign(body, 'not-the-webhook-secret'),
      },
      status: 403,
    },
    {
      what: 'a valid signature of another body',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': sign(`${body} `, webhookSecret),
      },
      status: 403,
    },
    {
      what: 'the SHA-1 signature header only (X-Hub-Signature)',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature': `sha1=${createHmac('sha1', webhookSecret)
          .update(body)
          .digest('hex')}`,
      },
      status: 403,
    },
  ];
  const deliveryIds: string[] = [];
  const answers = [];
  for (const c of cases) {
    const deliveryId = randomUUID();
    deliveryIds.push(deliveryId);
    const res = await deliver(c.body, {
      ...c.headers,
      'x-github-delivery': deliveryId,
    });
    answers.push({ what: c.what, status: res.status });
  }
  expect(answers).toEqual(cases.map(c => ({ what: c.what, status: c.status })));
  expect(await stored(runId, deliveryIds)).toEqual({ runs: 0, deliveries: 0 });
});

test('a replayed delivery is stored once', async () => {
  const { webhookSecret } = readSecurityState();
  const runId = 990_200_000 + Math.floor(Math.random() * 99_999);
  const body = JSON.stringify(workflowRun(runId));
  const deliveryId = randomUUID();
  const headers = {
    'content-type': 'application/json',
    'x-github-delivery': deliveryId,
    'x-hub-signature-256': sign(body, webhookSecret),
  };
  const first = await deliver(body, headers);
  const replay = await deliver(body, headers);
  expect([first.status, replay.status]).toEqual([202, 202]);
  expect(await stored(runId, [deliveryId])).toEqual({
    runs: 1,
    deliveries: 1,
  });
});
