import { z } from 'zod';
import { DeliveryContent } from './DeliveryContent';

/**
 * GitHub webhook payloads, checked with zod for the fields this plugin
 * stores (the rest is dropped unread), and mapped to what the stores hold.
 * A payload that does not match throws a ZodError and nothing is written.
 */

const RUN_STATUSES = [
  'requested',
  'queued',
  'pending',
  'waiting',
  'in_progress',
  'completed',
] as const;
const RUN_CONCLUSIONS = [
  'success',
  'failure',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'neutral',
  'stale',
  'startup_failure',
] as const;
const DEPLOYMENT_STATES = [
  'pending',
  'queued',
  'in_progress',
  'success',
  'failure',
  'error',
  'inactive',
] as const;
/** `after` of a push that deleted the branch or tag. */
const NO_COMMIT = /^0+$/;

const time = z.iso.datetime({ offset: true }).transform(Date.parse);
const id = z.number().int().positive().transform(String);
const login = z.object({ login: z.string().min(1).max(255) });
const repository = z.object({
  full_name: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  default_branch: z.string().optional(),
});
const sha = z.string().regex(/^[0-9a-f]{7,64}$/);

const workflowRunDelivery = z.object({
  repository,
  sender: login.optional(),
  workflow_run: z.object({
    id,
    name: z.string().max(255),
    run_number: z.number().int(),
    run_attempt: z.number().int().positive().default(1),
    event: z.string().max(64),
    head_branch: z.string().max(255).nullable(),
    head_sha: sha,
    actor: login.nullish(),
    status: z.enum(RUN_STATUSES),
    conclusion: z.enum(RUN_CONCLUSIONS).nullable(),
    created_at: time,
    run_started_at: time.nullish(),
    updated_at: time,
    html_url: z.string().url().max(1000),
  }),
});

const workflowJobDelivery = z.object({
  repository,
  workflow_job: z.object({
    id,
    run_id: id,
    run_attempt: z.number().int().positive().default(1),
    name: z.string().max(255),
    status: z.enum(RUN_STATUSES),
    conclusion: z.enum(RUN_CONCLUSIONS).nullable(),
    created_at: time.nullish(),
    started_at: time.nullish(),
    completed_at: time.nullish(),
    runner_name: z.string().max(255).nullish(),
    html_url: z.string().url().max(1000).nullish(),
    steps: z
      .array(
        z.object({
          number: z.number().int(),
          name: z.string().max(255),
          status: z.string().max(32),
          conclusion: z.string().max(32).nullable(),
          started_at: z.string().nullish(),
          completed_at: z.string().nullish(),
        }),
      )
      .max(1000)
      .default([]),
  }),
});

const deployment = z.object({
  id,
  sha,
  ref: z.string().max(255),
  task: z.string().max(64).default('deploy'),
  environment: z.string().min(1).max(255),
  /** What the workflow that created it passed: may be a JSON object. */
  payload: z.unknown().optional(),
  creator: login.nullish(),
  created_at: time,
  updated_at: time,
});

const deploymentDelivery = z.object({
  repository,
  sender: login.optional(),
  deployment,
});

const deploymentStatusDelivery = z.object({
  repository,
  sender: login.optional(),
  deployment,
  deployment_status: z.object({
    state: z.enum(DEPLOYMENT_STATES),
    environment: z.string().max(255).optional(),
    target_url: z.string().max(1000).nullish(),
    environment_url: z.string().max(1000).nullish(),
    created_at: time,
    updated_at: time,
  }),
});

const pushDelivery = z.object({
  repository,
  ref: z.string().max(255),
  after: z.string(),
  commits: z
    .array(
      z.object({
        id: sha,
        timestamp: time,
        // A commit whose email GitHub cannot match to an account has no
        // username: its author stays unknown.
        author: z
          .object({ username: z.string().min(1).max(255).nullish() })
          .nullish(),
      }),
    )
    .max(2048)
    .default([]),
});

const pullRequestDelivery = z.object({
  action: z.string(),
  repository,
  pull_request: z.object({
    merged: z.boolean().nullish(),
    merged_at: time.nullish(),
    merge_commit_sha: sha.nullish(),
    user: login.nullish(),
    base: z.object({ ref: z.string() }),
  }),
});

type Deployment = z.infer<typeof deployment>;

/** What a workflow passed in a deployment's payload that we keep. */
function deploymentPayload(d: Deployment): {
  approvedBy: string | null;
  rollback: boolean;
} {
  const payload =
    typeof d.payload === 'object' && d.payload !== null
      ? (d.payload as Record<string, unknown>)
      : {};
  const approvedBy =
    typeof payload.approved_by === 'string'
      ? payload.approved_by.slice(0, 255)
      : null;
  return {
    approvedBy,
    rollback: payload.rollback === true || d.task === 'deploy:rollback',
  };
}

function toDeployment(
  repo: string,
  d: Deployment,
  sender: string | undefined,
  status?: z.infer<typeof deploymentStatusDelivery>['deployment_status'],
): DeliveryContent {
  return {
    type: 'deployment',
    locator: { repository: repo },
    deployment: {
      id: d.id,
      environment: d.environment,
      version: d.ref,
      sha: d.sha,
      status: status?.state ?? 'pending',
      triggeredBy: d.creator?.login ?? sender ?? 'unknown',
      ...deploymentPayload(d),
      createdAt: d.created_at,
      updatedAt: Math.max(d.updated_at, status?.updated_at ?? 0),
      statusUpdatedAt: status?.updated_at ?? d.created_at,
      url: status?.environment_url || status?.target_url || null,
      source: 'github',
    },
  };
}

/** Maps one GitHub delivery; throws a ZodError if it is malformed. */
export function parseGithubDelivery(
  event: string,
  payload: unknown,
): DeliveryContent {
  switch (event) {
    case 'workflow_run': {
      const {
        repository: repo,
        sender,
        workflow_run: run,
      } = workflowRunDelivery.parse(payload);
      return {
        type: 'run',
        locator: { repository: repo.full_name },
        run: {
          id: run.id,
          repository: repo.full_name,
          workflowName: run.name,
          runNumber: run.run_number,
          runAttempt: run.run_attempt,
          event: run.event,
          headBranch: run.head_branch,
          headSha: run.head_sha,
          actor: run.actor?.login ?? sender?.login ?? 'unknown',
          status: run.status,
          conclusion: run.conclusion,
          createdAt: run.created_at,
          runStartedAt: run.run_started_at ?? null,
          // A run has no completed_at: its last update is when it completed.
          completedAt: run.status === 'completed' ? run.updated_at : null,
          htmlUrl: run.html_url,
          updatedAt: run.updated_at,
        },
      };
    }
    case 'workflow_job': {
      const { repository: repo, workflow_job: job } =
        workflowJobDelivery.parse(payload);
      return {
        type: 'job',
        locator: { repository: repo.full_name },
        job: {
          id: job.id,
          runId: job.run_id,
          runAttempt: job.run_attempt,
          name: job.name,
          status: job.status,
          conclusion: job.conclusion,
          createdAt: job.created_at ?? job.started_at ?? Date.now(),
          startedAt: job.started_at ?? null,
          completedAt: job.completed_at ?? null,
          runnerName: job.runner_name ?? null,
          htmlUrl: job.html_url ?? null,
          steps: job.steps.map(step => ({
            number: step.number,
            name: step.name,
            status: step.status,
            conclusion: step.conclusion,
            startedAt: step.started_at ?? null,
            completedAt: step.completed_at ?? null,
          })),
        },
      };
    }
    case 'deployment': {
      const d = deploymentDelivery.parse(payload);
      return toDeployment(
        d.repository.full_name,
        d.deployment,
        d.sender?.login,
      );
    }
    case 'deployment_status': {
      const d = deploymentStatusDelivery.parse(payload);
      return toDeployment(
        d.repository.full_name,
        d.deployment,
        d.sender?.login,
        d.deployment_status,
      );
    }
    case 'push': {
      const push = pushDelivery.parse(payload);
      const branch = push.repository.default_branch;
      if (!branch || push.ref !== `refs/heads/${branch}`) {
        return { type: 'ignored', reason: 'not a push to the default branch' };
      }
      if (NO_COMMIT.test(push.after) || push.commits.length === 0) {
        return { type: 'ignored', reason: 'a push without commits' };
      }
      return {
        type: 'changes',
        locator: { repository: push.repository.full_name },
        changes: push.commits.map(commit => ({
          repository: push.repository.full_name,
          sha: commit.id,
          headSha: push.after,
          changedAt: commit.timestamp,
          author: commit.author?.username ?? null,
        })),
      };
    }
    case 'pull_request': {
      const pr = pullRequestDelivery.parse(payload);
      const { merged, merged_at, merge_commit_sha, base, user } =
        pr.pull_request;
      const branch = pr.repository.default_branch;
      if (
        pr.action !== 'closed' ||
        !merged ||
        !merged_at ||
        !merge_commit_sha ||
        (branch !== undefined && base.ref !== branch)
      ) {
        return {
          type: 'ignored',
          reason: 'not a pull request merged into the default branch',
        };
      }
      return {
        type: 'changes',
        locator: { repository: pr.repository.full_name },
        changes: [
          {
            repository: pr.repository.full_name,
            sha: merge_commit_sha,
            headSha: merge_commit_sha,
            changedAt: merged_at,
            author: user?.login ?? null,
          },
        ],
      };
    }
    default:
      return { type: 'ignored', reason: `event ${event} is not tracked` };
  }
}
