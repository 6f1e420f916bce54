import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * GitHub webhook deliveries as GitHub sends them, built from the example
 * payloads in examples/pipelines (themselves GitHub's documented shapes),
 * each with fresh ids so that every one writes rows of its own.
 */
export interface Delivery {
  /** X-GitHub-Delivery */
  id: string;
  /** X-GitHub-Event */
  event: string;
  body: string;
  repository: string;
}

const TEMPLATES = (() => {
  const { deliveries } = JSON.parse(
    readFileSync(
      resolve(__dirname, '../../../../examples/pipelines/card-payments.json'),
      'utf8',
    ),
  ) as { deliveries: Array<{ topic: string; payload: any }> };
  const first = (topic: string) =>
    structuredClone(deliveries.find(d => d.topic === topic)!.payload);
  return {
    workflow_run: first('github.workflow_run'),
    workflow_job: first('github.workflow_job'),
    deployment_status: first('github.deployment_status'),
    push: first('github.push'),
  };
})();

let nextId = 8_100_000_000_000 + Math.floor(Math.random() * 1e9) * 1000;
const sha = (seed: string) => createHash('sha1').update(seed).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function setRepository(payload: any, repository: string) {
  const [owner, name] = repository.split('/');
  payload.repository = {
    ...payload.repository,
    name,
    full_name: repository,
    html_url: `https://github.com/${repository}`,
    owner: { ...payload.repository.owner, login: owner },
  };
}

function delivery(event: string, payload: any, repository: string): Delivery {
  setRepository(payload, repository);
  return { id: randomUUID(), event, body: JSON.stringify(payload), repository };
}

/** What one unit of deliveries writes: one row in each table. */
export interface Unit {
  runId: string;
  jobId: string;
  deploymentId: string;
  commit: string;
  deliveries: Delivery[];
}

/**
 * A completed workflow run, one of its jobs, a finished deployment to
 * staging and a push of one commit by `author`: four deliveries, four rows.
 */
export function unit(repository: string, author = 'hardening-author'): Unit {
  const now = Date.now();
  const runId = nextId++;
  const jobId = nextId++;
  const deploymentId = nextId++;
  const commit = sha(`${runId}`);

  const run = structuredClone(TEMPLATES.workflow_run);
  run.action = 'completed';
  Object.assign(run.workflow_run, {
    id: runId,
    run_number: runId % 100_000,
    head_sha: commit,
    head_branch: 'main',
    status: 'completed',
    conclusion: 'success',
    created_at: iso(now - 60_000),
    run_started_at: iso(now - 60_000),
    updated_at: iso(now),
    html_url: `https://github.com/${repository}/actions/runs/${runId}`,
  });

  const job = structuredClone(TEMPLATES.workflow_job);
  job.action = 'completed';
  Object.assign(job.workflow_job, {
    id: jobId,
    run_id: runId,
    head_sha: commit,
    status: 'completed',
    conclusion: 'success',
    created_at: iso(now - 60_000),
    started_at: iso(now - 50_000),
    completed_at: iso(now),
    html_url: `https://github.com/${repository}/runs/${jobId}`,
  });

  const status = structuredClone(TEMPLATES.deployment_status);
  Object.assign(status.deployment, {
    id: deploymentId,
    sha: commit,
    ref: `v9.${runId % 100_000}.0`,
    environment: 'staging',
    original_environment: 'staging',
    created_at: iso(now - 30_000),
    updated_at: iso(now - 30_000),
  });
  Object.assign(status.deployment_status, {
    state: 'success',
    environment: 'staging',
    created_at: iso(now),
    updated_at: iso(now),
  });

  return {
    runId: String(runId),
    jobId: String(jobId),
    deploymentId: String(deploymentId),
    commit,
    deliveries: [
      delivery('workflow_run', run, repository),
      delivery('workflow_job', job, repository),
      delivery('deployment_status', status, repository),
      pushOf(repository, commit, author, now),
    ],
  };
}

/** A push of one commit to the default branch. */
export function pushOf(
  repository: string,
  commit: string,
  author: string,
  now = Date.now(),
): Delivery {
  const push = structuredClone(TEMPLATES.push);
  const head = {
    ...structuredClone(push.commits[0]),
    id: commit,
    timestamp: iso(now - 120_000),
    author: { name: author, username: author },
  };
  Object.assign(push, {
    ref: 'refs/heads/main',
    before: sha(`${commit}-before`),
    after: commit,
    commits: [head],
    head_commit: head,
  });
  push.repository.default_branch = 'main';
  push.sender = { ...push.sender, login: author };
  push.pusher = { name: author };
  return delivery('push', push, repository);
}

/** How GitHub signs a delivery (X-Hub-Signature-256). */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
