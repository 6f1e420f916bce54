/*
 * GitHub webhook deliveries as GitHub sends them: the payloads of
 * @octokit/webhooks-examples (as the plugin's tests use them), moved to the
 * benchmark's repositories and given fresh ids, shas and times, serialized
 * once and signed with X-Hub-Signature-256.
 *
 * They come as the lifecycles GitHub sends: a workflow run (requested, in
 * progress, completed) with two jobs (queued, in progress, completed); a
 * deployment (created, in progress, finished); a push of one to three
 * commits to the default branch. The stages of a lifecycle are spread over
 * the stream, so a row is written by several deliveries, not always in
 * order. A share of deliveries is sent twice with the same X-GitHub-Delivery
 * (GitHub redelivers on timeouts); a replay must change nothing.
 *
 * Each delivery also carries what the plugin must have stored once every
 * delivery is in (checked in the database afterwards) and the rows a plain
 * insert writes for it (the anchor). Both come from the plugin's own parser,
 * so they are the rows the backend writes.
 */
import examples from '@octokit/webhooks-examples';
import { createHmac, randomUUID } from 'node:crypto';
import { DeliveryContent } from '../../../plugins/pipelines-backend/src/ingestion/DeliveryContent';
import { parseGithubDelivery } from '../../../plugins/pipelines-backend/src/ingestion/githubDeliveries';
import { BenchEntity } from './entities';

export interface Delivery {
  /** X-GitHub-Delivery */
  id: string;
  /** X-GitHub-Event */
  event: string;
  body: Buffer;
  /** X-Hub-Signature-256 */
  signature: string;
  /** A second send of a delivery sent before (same id, same body). */
  replay: boolean;
  /** What the plugin stores for it. */
  content: StoredContent;
}

/** A delivery's content as the plugin's parser maps it, with its entity. */
export type StoredContent = Exclude<DeliveryContent, { type: 'ignored' }> & {
  entityRef: string;
};

/** How GitHub signs a delivery (X-Hub-Signature-256). */
export function sign(body: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function example(event: string, index: number): any {
  const group = (examples as Array<{ name: string; examples: any[] }>).find(
    e => e.name === event,
  );
  const payload = group?.examples[index];
  if (!payload) throw new Error(`No example ${index} of ${event}`);
  return payload;
}

/**
 * The examples used: a completed run and a queued job (the largest shapes,
 * a job with twelve steps), a deployment and its status, a push of one
 * commit to the default branch.
 */
const TEMPLATES = {
  workflow_run: example('workflow_run', 1),
  workflow_job: example('workflow_job', 1),
  deployment: example('deployment', 0),
  deployment_status: example('deployment_status', 0),
  push: example('push', 4),
};

/** Stages of a lifecycle are this many deliveries apart in the stream. */
const STAGE_SPREAD = 40;
/** A replay comes this many deliveries after the delivery. */
const REPLAY_DISTANCE = 300;
const ENVIRONMENTS = ['development', 'staging', 'production'];

/** Ids of runs, jobs and deployments: above anything the seeding writes. */
let nextGithubId = 7_000_000_000_000;
const newId = () => nextGithubId++;
let nextShaSeed = 0;
const newSha = () =>
  createHmac('sha1', 'bench').update(String(nextShaSeed++)).digest('hex');

interface Staged {
  key: number;
  event: string;
  payload: any;
}

/**
 * About `count` deliveries (replays included) for one step of the load,
 * in sending order.
 */
export function generateDeliveries(options: {
  count: number;
  entities: BenchEntity[];
  secret: string;
  replayShare: number;
  now: number;
}): Delivery[] {
  const { entities, now } = options;
  const distinct = Math.max(
    1,
    Math.round(options.count / (1 + options.replayShare)),
  );
  const staged: Staged[] = [];
  let unit = 0;
  while (staged.length < distinct) {
    const entity = entities[(unit * 7919) % entities.length];
    const base = staged.length;
    const at = (stage: number) => base + stage * STAGE_SPREAD + Math.random();
    const time = (stage: number) =>
      new Date(now + stage * 20_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const add = (stage: number, event: string, payload: any) =>
      staged.push({ key: at(stage), event, payload });
    runLifecycle(entity, time).forEach(([s, e, p]) => add(s, e, p));
    staged.push({ key: at(0), event: 'push', payload: push(entity, now) });
    if (unit % 2 === 0) {
      deploymentLifecycle(entity, time, unit).forEach(([s, e, p]) =>
        add(s, e, p),
      );
    }
    unit += 1;
  }
  staged.sort((a, b) => a.key - b.key);
  const firsts = staged.slice(0, distinct).map(s => {
    const body = Buffer.from(JSON.stringify(s.payload));
    return {
      key: s.key,
      delivery: {
        id: randomUUID(),
        event: s.event,
        body,
        signature: sign(body, options.secret),
        replay: false,
        content: contentOf(s.event, s.payload, entities),
      } as Delivery,
    };
  });
  const replays = firsts
    .filter(() => Math.random() < options.replayShare)
    .map(({ key, delivery }) => ({
      key: key + REPLAY_DISTANCE + Math.random(),
      delivery: { ...delivery, replay: true },
    }));
  return [...firsts, ...replays]
    .sort((a, b) => a.key - b.key)
    .map(d => d.delivery);
}

type StagedEvent = [stage: number, event: string, payload: any];

/** A run with two jobs: nine deliveries over four stages. */
function runLifecycle(
  entity: BenchEntity,
  time: (stage: number) => string,
): StagedEvent[] {
  const runId = newId();
  const sha = newSha();
  const run = (stage: number, action: string, status: string) => {
    const p = structuredClone(TEMPLATES.workflow_run);
    p.action = action;
    setRepository(p, entity);
    Object.assign(p.workflow_run, {
      id: runId,
      run_number: runId % 100_000,
      head_sha: sha,
      head_branch: 'main',
      status,
      conclusion: status === 'completed' ? 'success' : null,
      created_at: time(0),
      run_started_at: time(0),
      updated_at: time(stage),
      html_url: `https://github.com/${entity.repository}/actions/runs/${runId}`,
    });
    return p;
  };
  const job = (jobId: number, name: string, stage: number, status: string) => {
    const p = structuredClone(TEMPLATES.workflow_job);
    p.action = status;
    setRepository(p, entity);
    Object.assign(p.workflow_job, {
      id: jobId,
      run_id: runId,
      name,
      head_sha: sha,
      status,
      conclusion: status === 'completed' ? 'success' : null,
      created_at: time(0),
      started_at: status === 'queued' ? null : time(1),
      completed_at: status === 'completed' ? time(stage) : null,
      html_url: `https://github.com/${entity.repository}/runs/${jobId}`,
    });
    if (status !== 'completed') p.workflow_job.steps = [];
    return p;
  };
  const events: StagedEvent[] = [
    [0, 'workflow_run', run(0, 'requested', 'queued')],
    [1, 'workflow_run', run(1, 'in_progress', 'in_progress')],
    [3, 'workflow_run', run(3, 'completed', 'completed')],
  ];
  for (const name of ['build', 'test']) {
    const jobId = newId();
    events.push(
      [0, 'workflow_job', job(jobId, name, 0, 'queued')],
      [1, 'workflow_job', job(jobId, name, 1, 'in_progress')],
      [2, 'workflow_job', job(jobId, name, 2, 'completed')],
    );
  }
  return events;
}

/** A deployment, its in-progress status and its outcome. */
function deploymentLifecycle(
  entity: BenchEntity,
  time: (stage: number) => string,
  unit: number,
): StagedEvent[] {
  const deploymentId = newId();
  const environment = ENVIRONMENTS[(unit / 2) % ENVIRONMENTS.length];
  const outcome = unit % 10 === 0 ? 'failure' : 'success';
  const deployment = {
    ...structuredClone(TEMPLATES.deployment.deployment),
    id: deploymentId,
    sha: newSha(),
    ref: `v1.${unit}.0`,
    environment,
    original_environment: environment,
    created_at: time(0),
    updated_at: time(0),
  };
  const created = structuredClone(TEMPLATES.deployment);
  setRepository(created, entity);
  created.deployment = deployment;
  const status = (stage: number, state: string) => {
    const p = structuredClone(TEMPLATES.deployment_status);
    setRepository(p, entity);
    p.deployment = deployment;
    Object.assign(p.deployment_status, {
      state,
      environment,
      created_at: time(stage),
      updated_at: time(stage),
    });
    return p;
  };
  return [
    [0, 'deployment', created],
    [1, 'deployment_status', status(1, 'in_progress')],
    [2, 'deployment_status', status(2, outcome)],
  ];
}

/** A push of one to three commits to the default branch. */
function push(entity: BenchEntity, now: number): any {
  const p = structuredClone(TEMPLATES.push);
  setRepository(p, entity);
  const template = p.commits[0];
  const commits = Array.from({ length: 1 + (nextShaSeed % 3) }, (_, i) => ({
    ...structuredClone(template),
    id: newSha(),
    timestamp: new Date(now - (3 - i) * 60_000)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z'),
  }));
  const head = commits[commits.length - 1];
  Object.assign(p, {
    ref: 'refs/heads/main',
    before: newSha(),
    after: head.id,
    commits,
    head_commit: head,
  });
  p.repository.default_branch = 'main';
  p.repository.master_branch = 'main';
  return p;
}

function setRepository(payload: any, entity: BenchEntity) {
  const [owner, name] = entity.repository.split('/');
  payload.repository = {
    ...payload.repository,
    name,
    full_name: entity.repository,
    html_url: `https://github.com/${entity.repository}`,
    owner: { ...payload.repository.owner, login: owner },
  };
}

/** What the plugin's parser makes of a payload, with the entity it maps to. */
function contentOf(
  event: string,
  payload: unknown,
  entities: BenchEntity[],
): StoredContent {
  const content = parseGithubDelivery(event, payload);
  if (content.type === 'ignored' || !('repository' in content.locator)) {
    throw new Error(`The plugin would not store a generated ${event}`);
  }
  const repository = content.locator.repository;
  const entity = entities.find(e => e.repository === repository);
  if (!entity) throw new Error(`No entity for ${repository}`);
  return { ...content, entityRef: entity.ref };
}
