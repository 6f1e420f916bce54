import type { Entity } from '@backstage/catalog-model';
import type {
  DeployCheck,
  DeployRequest,
  Deployment,
  DoraMetrics,
  EnvironmentState,
  WorkflowJob,
  WorkflowRun,
  WorkflowRunDetail,
} from '@finops/plugin-pipelines-common';

export const cardPaymentsRef = 'component:default/card-payments';

export const cardPaymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'card-payments',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'finops/card-payments' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
    system: 'payments',
  },
};

export function run(overrides: Partial<WorkflowRun> = {}): WorkflowRun {
  return {
    id: '9100',
    entityRef: cardPaymentsRef,
    repository: 'finops/card-payments',
    workflowName: 'CI',
    runNumber: 412,
    runAttempt: 1,
    event: 'push',
    headBranch: 'main',
    headSha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
    actor: 'alice',
    status: 'completed',
    conclusion: 'success',
    createdAt: '2026-06-02T08:00:00Z',
    startedAt: '2026-06-02T08:00:05Z',
    completedAt: '2026-06-02T08:07:12Z',
    durationMs: 427_000,
    htmlUrl: 'https://github.com/finops/card-payments/actions/runs/9100',
    ...overrides,
  };
}

export function job(overrides: Partial<WorkflowJob> = {}): WorkflowJob {
  return {
    id: '51',
    runId: '9100',
    name: 'build',
    status: 'completed',
    conclusion: 'success',
    startedAt: '2026-06-02T08:00:05Z',
    completedAt: '2026-06-02T08:02:05Z',
    durationMs: 120_000,
    runnerName: 'ubuntu-latest',
    htmlUrl: 'https://github.com/finops/card-payments/actions/runs/9100/job/51',
    steps: [],
    ...overrides,
  };
}

export function runDetail(
  overrides: Partial<WorkflowRunDetail> = {},
): WorkflowRunDetail {
  return {
    ...run(),
    jobs: [
      job({
        steps: [
          {
            number: 1,
            name: 'Check out',
            status: 'completed',
            conclusion: 'success',
            startedAt: '2026-06-02T08:00:05Z',
            completedAt: '2026-06-02T08:00:09Z',
          },
          {
            number: 2,
            name: 'Compile',
            status: 'completed',
            conclusion: 'success',
            startedAt: '2026-06-02T08:00:09Z',
            completedAt: '2026-06-02T08:02:05Z',
          },
        ],
      }),
      job({
        id: '52',
        name: 'integration tests',
        conclusion: 'failure',
        startedAt: '2026-06-02T08:02:10Z',
        completedAt: '2026-06-02T08:07:10Z',
        durationMs: 300_000,
        steps: [
          {
            number: 1,
            name: 'Run suite',
            status: 'completed',
            conclusion: 'failure',
            startedAt: '2026-06-02T08:02:10Z',
            completedAt: '2026-06-02T08:07:10Z',
          },
        ],
      }),
    ],
    artifacts: [
      {
        name: 'sbom.spdx.json',
        sizeBytes: 1536,
        digest:
          'sha256:4e1243bd22c66e76c2ba9eddc1f91394e57f9f83a1b2c3d4e5f60718293a4b5c',
        url: 'https://github.com/finops/card-payments/actions/runs/9100/artifacts/7',
        expired: false,
      },
      {
        name: 'coverage',
        sizeBytes: 3 * 1024 * 1024,
        digest: null,
        url: 'https://github.com/finops/card-payments/actions/runs/9100/artifacts/8',
        expired: true,
      },
    ],
    ...overrides,
  };
}

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: 'd-1',
    entityRef: cardPaymentsRef,
    environment: 'production',
    version: 'v1.4.0',
    sha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
    status: 'success',
    triggeredBy: 'alice',
    approvedBy: 'bob',
    rollback: false,
    createdAt: '2026-06-02T10:00:00Z',
    updatedAt: '2026-06-02T10:05:00Z',
    url: null,
    source: 'github',
    ...overrides,
  };
}

export function environment(
  name: string,
  history: Deployment[],
): EnvironmentState {
  return {
    environment: name,
    current: history.find(d => d.status === 'success') ?? null,
    history,
  };
}

export function doraMetrics(overrides: Partial<DoraMetrics> = {}): DoraMetrics {
  return {
    scope: { entityRef: cardPaymentsRef },
    from: '2026-05-03T00:00:00Z',
    to: '2026-06-02T00:00:00Z',
    deploymentFrequency: { deployments: 45, perDay: 1.5 },
    leadTimeForChanges: { samples: 40, medianHours: 30 },
    changeFailureRate: { failed: 9, total: 45, rate: 0.2 },
    timeToRestore: { samples: 9, medianHours: 0.5 },
    weekly: [
      { weekStart: '2026-05-04', deployments: 10, failures: 2 },
      { weekStart: '2026-05-11', deployments: 12, failures: 3 },
      { weekStart: '2026-05-18', deployments: 11, failures: 2 },
      { weekStart: '2026-05-25', deployments: 12, failures: 2 },
    ],
    ...overrides,
  };
}

export function deployCheck(overrides: Partial<DeployCheck> = {}): DeployCheck {
  return {
    outcome: 'allowed',
    violations: [],
    excepted: [],
    revision: 'v1.5.0',
    sha: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
    commitAuthors: ['user:default/alice'],
    target: {
      type: 'github-workflow',
      name: 'deploy.yml',
      repository: 'finops/card-payments',
    },
    targetProblem: null,
    ...overrides,
  };
}

export function deployRequest(
  overrides: Partial<DeployRequest> = {},
): DeployRequest {
  return {
    id: '3f0c9a52-7d1e-4a8b-9c6d-1e2f3a4b5c6d',
    entityRef: cardPaymentsRef,
    action: 'promote',
    environment: 'production',
    version: 'v1.5.0',
    sha: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
    status: 'pending',
    requestedBy: 'user:default/alice',
    requestedAt: '2026-06-04T09:00:00Z',
    reviewedBy: null,
    reviewedAt: null,
    comment: null,
    commitAuthors: ['user:default/bob'],
    target: {
      type: 'github-workflow',
      name: 'deploy.yml',
      repository: 'finops/card-payments',
    },
    message: null,
    ...overrides,
  };
}
