import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ErrorBudgetService,
  errorBudgetServiceRef,
} from '@finops/plugin-health-node';
import { policyServiceRef } from '@finops/plugin-policy-node';
import request from 'supertest';
import { startArgoCdApiServer } from '../__testUtils__/argoCdApiServer';
import {
  GithubApiServer,
  restWorkflowRun,
} from '../__testUtils__/githubApiServer';
import { githubExample } from '../__testUtils__/githubExamples';
import { realPolicyService } from '../__testUtils__/policyService';
import { storeDatabases } from '../__testUtils__/storeDatabase';
import { startPipelinesBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const REPO = 'finops-example/card-payments';
const ENTITY_REF = 'component:default/card-payments';
const TOKEN = 'argocd-test-token';
const V1 = 'a1'.repeat(20);
const V2 = 'b2'.repeat(20);
/** Pushed by a commit GitHub could not match to an account. */
const V3 = 'c3'.repeat(20);

function user(name: string, login?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      ...(login && { annotations: { 'github.com/user-login': login } }),
    },
    spec: { memberOf: ['payments-team'] },
  };
}

function component(
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'card-payments',
      namespace: 'default',
      labels,
      annotations: {
        'github.com/project-slug': REPO,
        'finops.io/argocd-apps':
          'staging=card-payments-staging, production=card-payments-prod',
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'payments-team', lifecycle: 'production' },
  };
}

const repository = {
  ...githubExample('push', 4).repository,
  full_name: REPO,
  default_branch: 'main',
};

/** A push to main of `sha` written by `login` (GitHub's push payload). */
function push(sha: string, login: string | null, at: string) {
  const payload = githubExample('push', 4);
  Object.assign(payload, {
    ref: 'refs/heads/main',
    after: sha,
    repository,
    commits: [
      {
        id: sha,
        timestamp: at,
        author: { name: login ?? 'someone', username: login ?? undefined },
      },
    ],
  });
  return payload;
}

/** A successful GitHub deployment of `sha` as `version` to `environment`. */
function deployed(id: number, sha: string, version: string, env: string) {
  const payload = githubExample('deployment_status', 0);
  const time = `2026-11-2${id}T10:00:00Z`;
  payload.repository = repository;
  Object.assign(payload.deployment, {
    id,
    sha,
    ref: version,
    environment: env,
    created_at: time,
    updated_at: time,
    payload: {},
  });
  Object.assign(payload.deployment_status, {
    state: 'success',
    environment: env,
    created_at: time,
    updated_at: time,
  });
  return payload;
}

/** A completed CI run of `sha` (GitHub's workflow_run payload). */
function workflowRun(id: number, sha: string, conclusion: string) {
  const payload = githubExample('workflow_run', 1);
  payload.repository = repository;
  Object.assign(payload.workflow_run, {
    id,
    head_sha: sha,
    status: 'completed',
    conclusion,
  });
  return payload;
}

const GITHUB_TOKEN = 'ghs_deploytesttoken';
const RUN_FAILED = 7001;
const RUN_PASSED = 7002;
const ANA = 'user:default/ana-lima';
const BEN = 'user:default/ben-okoro';
const CARLA = 'user:default/carla';

describe.each(storeDatabases.eachSupportedId())('deploy actions on %p', id => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map(close => close()));
  });

  async function start(
    options: {
      labels?: Record<string, string>;
      permissions?: PermissionsService;
      argoCdToken?: string;
      /** Deploys dispatch deploy.yml on GitHub instead of syncing Argo CD. */
      deployWorkflow?: { dispatchable: boolean };
      config?: object;
      /** SLO annotations of the component. */
      annotations?: Record<string, string>;
    } = {},
  ) {
    const budgets = new Map<string, number | null>();
    const errorBudgets = {
      getErrorBudget: async (entityRef: string) => ({
        entityRef,
        sloDeclared: true,
        errorBudgetRemaining: budgets.get(entityRef) ?? null,
        status: budgets.get(entityRef) === undefined ? 'unknown' : 'ok',
        reason: 'set by the test',
      }),
    };
    const github = await GithubApiServer.start({ token: GITHUB_TOKEN });
    github.addRepository(REPO, {
      runs: [RUN_FAILED, RUN_PASSED].map(runId =>
        restWorkflowRun(REPO, { id: runId, createdAt: Date.now() }),
      ),
      workflows: [
        {
          id: 161335,
          path: '.github/workflows/deploy.yml',
          dispatchable: options.deployWorkflow?.dispatchable ?? true,
        },
      ],
    });
    closers.push(() => github.close());
    const argocd = await startArgoCdApiServer({
      token: TOKEN,
      applications: ['card-payments-staging', 'card-payments-prod'],
    });
    const policy = await realPolicyService();
    const knex = await storeDatabases.init(id);
    const backend = await startPipelinesBackend({
      knex,
      entities: [
        component(options.labels, {
          ...(options.deployWorkflow && {
            'finops.io/deploy-workflow': 'deploy.yml',
          }),
          ...options.annotations,
        }),
        user('ana-lima', 'ana'),
        user('ben-okoro', 'ben'),
        user('carla'),
      ],
      config: {
        integrations: {
          github: [
            {
              host: 'github.com',
              apiBaseUrl: github.apiBaseUrl,
              token: GITHUB_TOKEN,
            },
          ],
        },
        pipelines: {
          argocd: {
            baseUrl: argocd.baseUrl,
            token: options.argoCdToken ?? TOKEN,
          },
          ...options.config,
        },
      },
      extra: [
        createServiceFactory({
          service: policyServiceRef,
          deps: {},
          factory: () => policy as any,
        }),
        createServiceFactory({
          service: errorBudgetServiceRef,
          deps: {},
          factory: () => errorBudgets as ErrorBudgetService,
        }),
        ...(options.permissions
          ? [
              createServiceFactory({
                service: coreServices.permissions,
                deps: {},
                factory: () => options.permissions!,
              }),
            ]
          : []),
      ],
    });
    // v1 (written by ana) and v2 (written by carla, pushed after it) run
    // in staging; production runs v1.
    const deliveries: Array<[string, unknown]> = [
      ['push', push(V1, 'ana', '2026-11-20T09:00:00Z')],
      ['push', push(V2, 'carla', '2026-11-21T09:00:00Z')],
      ['deployment_status', deployed(1, V1, 'v1.0.0', 'staging')],
      ['deployment_status', deployed(2, V1, 'v1.0.0', 'production')],
      ['deployment_status', deployed(3, V2, 'v2.0.0', 'staging')],
      ['push', push(V3, null, '2026-11-22T09:00:00Z')],
      ['workflow_run', workflowRun(RUN_FAILED, V2, 'failure')],
      ['workflow_run', workflowRun(RUN_PASSED, V2, 'success')],
    ];
    for (const [index, [event, payload]] of deliveries.entries()) {
      await backend.events.publish({
        topic: `github.${event}`,
        eventPayload: payload,
        metadata: { 'x-github-delivery': `deploy-${index}` },
      });
    }
    const as = (ref: string) => mockCredentials.user.header(ref);
    const post = (path: string, who: string, body: object = {}) =>
      request(backend.server)
        .post(`/api/pipelines${path}`)
        .set('Authorization', as(who))
        .send(body);
    closers.push(() => argocd.close());
    return { backend, argocd, github, policy, post, as, budgets };
  }

  const promoteV2 = {
    entityRef: ENTITY_REF,
    action: 'promote',
    environment: 'production',
    version: 'v2.0.0',
  };

  it('holds a production promote for approval by someone who neither asked nor wrote it', async () => {
    const { argocd, policy, post, backend, as } = await start();

    const check = await post('/deploy-checks', BEN, promoteV2);
    expect(check.status).toBe(200);
    expect(check.body).toEqual(
      expect.objectContaining({
        outcome: 'approval-required',
        sha: V2,
        commitAuthors: [CARLA],
        target: {
          type: 'argocd',
          name: 'card-payments-prod',
          repository: null,
        },
        targetProblem: null,
      }),
    );
    expect(check.body.violations.map((v: any) => v.rule)).toEqual([
      'DEP-APPROVAL-001',
    ]);

    const created = await post('/deploy-requests', BEN, promoteV2);
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        status: 'pending',
        requestedBy: BEN,
        commitAuthors: [CARLA],
      }),
    );
    const requestId = created.body.id;
    expect(argocd.calls).toEqual([]);

    // The requester cannot approve it, nor can the change's author.
    const byRequester = await post(
      `/deploy-requests/${requestId}/approve`,
      BEN,
    );
    expect(byRequester.status).toBe(403);
    expect(byRequester.body.error.message).toContain('DEP-SOD-001');
    const byAuthor = await post(`/deploy-requests/${requestId}/approve`, CARLA);
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body.error.message).toContain('DEP-SOD-002');
    expect(argocd.calls).toEqual([]);

    // Someone else approves: Argo CD syncs production to v2's commit.
    const approved = await post(`/deploy-requests/${requestId}/approve`, ANA, {
      comment: 'Reviewed the change',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual(
      expect.objectContaining({
        status: 'dispatched',
        reviewedBy: ANA,
        comment: 'Reviewed the change',
        message: expect.stringContaining('card-payments-prod'),
      }),
    );
    expect(argocd.calls).toEqual([
      {
        method: 'POST',
        path: '/api/v1/applications/card-payments-prod/sync',
        body: { revision: V2, prune: false, dryRun: false },
      },
    ]);
    const approval = policy.decided.filter(d => d.allow).pop()!;
    expect(approval.input).toEqual(
      expect.objectContaining({
        deployer: BEN,
        approver: ANA,
        commit_authors: [CARLA],
        environment: 'production',
        action: 'promote',
      }),
    );

    // Decided once: a second approval finds it no longer pending.
    const again = await post(`/deploy-requests/${requestId}/approve`, ANA);
    expect(again.status).toBe(409);
    const listed = await request(backend.server)
      .get(
        `/api/pipelines/deploy-requests?entityRef=${encodeURIComponent(
          ENTITY_REF,
        )}`,
      )
      .set('Authorization', as(ANA));
    expect(listed.body.items.map((r: any) => r.status)).toEqual(['dispatched']);
  });

  it('refuses a SOX-scoped production promote asked by the change author, storing nothing', async () => {
    const { argocd, post, backend, as } = await start({
      labels: { 'finops.io/sox-scope': 'true' },
    });
    const refused = await post('/deploy-requests', CARLA, promoteV2);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('DEP-SOX-001');
    const listed = await request(backend.server)
      .get('/api/pipelines/deploy-requests')
      .set('Authorization', as(ANA));
    expect(listed.body.items).toEqual([]);
    expect(argocd.calls).toEqual([]);

    // Someone else may ask; then a third person approves.
    const asked = await post('/deploy-requests', BEN, promoteV2);
    expect(asked.body.status).toBe('pending');
    const approved = await post(
      `/deploy-requests/${asked.body.id}/approve`,
      ANA,
    );
    expect(approved.body.status).toBe('dispatched');
  });

  it('runs a staging deploy at once and reports what Argo CD refused', async () => {
    const { argocd, post } = await start();
    const staging = await post('/deploy-requests', CARLA, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'staging',
      version: V2,
    });
    expect(staging.status).toBe(201);
    expect(staging.body).toEqual(
      expect.objectContaining({ status: 'dispatched', sha: V2 }),
    );
    expect(argocd.calls.map(c => c.path)).toEqual([
      '/api/v1/applications/card-payments-staging/sync',
    ]);

    // An environment nothing deploys: 400 before anything is stored.
    const nowhere = await post('/deploy-requests', CARLA, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'qa',
      version: V2,
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.message).toContain('finops.io/argocd-apps');
  });

  it('stores a failed request when Argo CD refuses to sync', async () => {
    const { argocd, post } = await start({ argoCdToken: 'wrong-token' });
    // The configured token is wrong: Argo CD answers 401.
    const failed = await post('/deploy-requests', CARLA, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'staging',
      version: V2,
    });
    expect(failed.status).toBe(201);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.message).toContain('Argo CD');
    expect(failed.body.message).toContain('401');
    expect(failed.body.message).not.toContain('wrong-token');
    expect(argocd.calls).toHaveLength(1);
  });

  it('refuses deploys with an open critical violation, in a freeze, or when compliance is unknown', async () => {
    const { policy, post } = await start({
      config: {
        deploy: {
          freezeWindows: [
            {
              start: '2020-01-01T00:00:00Z',
              end: '2020-01-02T00:00:00Z',
              reason: 'long ago',
            },
          ],
        },
      },
    });
    const stagingDeploy = {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'staging',
      version: V2,
    };
    policy.compliance.set(ENTITY_REF, {
      status: 'fail',
      violations: [
        {
          rule: 'CAT-PCI-001',
          severity: 'critical',
          message: 'PCI data without a PCI system',
          remediation: 'Move it',
          frameworks: ['PCI-DSS 1.2.4'],
        },
      ],
    });
    const violating = await post('/deploy-checks', CARLA, stagingDeploy);
    expect(violating.body.outcome).toBe('refused');
    expect(violating.body.violations.map((v: any) => v.rule)).toEqual([
      'DEP-VIOLATION-001',
    ]);
    // An approved exception for the rule lets it through.
    policy.compliance.set(ENTITY_REF, {
      ...policy.compliance.get(ENTITY_REF),
      excepted: ['CAT-PCI-001'],
    });
    expect(
      (await post('/deploy-checks', CARLA, stagingDeploy)).body.outcome,
    ).toBe('allowed');

    policy.compliance.set(ENTITY_REF, {
      status: 'unknown',
      reason: 'OPA did not answer',
    });
    const unknown = await post('/deploy-requests', CARLA, stagingDeploy);
    expect(unknown.status).toBe(503);
    expect(unknown.body.error.message).toContain('OPA did not answer');
  });

  it('promotes to production only with error budget left and known, when SLOs are declared', async () => {
    const { post, budgets } = await start({
      annotations: { 'finops.io/slo-availability': '99.9' },
    });
    const budgetViolations = async () => {
      const check = await post('/deploy-checks', BEN, promoteV2);
      expect(check.status).toBe(200);
      return check.body.violations
        .filter((v: any) => v.rule === 'DEP-BUDGET-001')
        .map((v: any) => v.message);
    };
    budgets.set(ENTITY_REF, 0.4);
    expect(await budgetViolations()).toEqual([]);
    budgets.set(ENTITY_REF, -0.25);
    expect(await budgetViolations()).toEqual(['the error budget is exhausted']);
    // Unknown (Prometheus down, no data): refused, failing closed.
    budgets.delete(ENTITY_REF);
    expect(await budgetViolations()).toEqual([
      'the error budget could not be read, so production promotion is refused',
    ]);
    // Staging does not spend the production budget.
    const staging = await post('/deploy-checks', CARLA, {
      ...promoteV2,
      action: 'deploy',
      environment: 'staging',
    });
    expect(staging.body.outcome).toBe('allowed');
  });

  it('refuses production when the authors of what ships are unknown', async () => {
    const { post } = await start();
    const check = await post('/deploy-checks', BEN, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'production',
      version: V3,
    });
    expect(check.body).toEqual(
      expect.objectContaining({
        outcome: 'refused',
        sha: V3,
        commitAuthors: [],
      }),
    );
    expect(check.body.violations.map((v: any) => v.message)).toContain(
      'the authors of this change are unknown, so separation of duties cannot be checked',
    );
    // Staging does not need them.
    const staging = await post('/deploy-checks', BEN, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'staging',
      version: V3,
    });
    expect(staging.body.outcome).toBe('allowed');
  });

  it('refuses a change freeze covering now', async () => {
    const now = Date.now();
    const { post } = await start({
      config: {
        deploy: {
          freezeWindows: [
            {
              start: new Date(now - 3_600_000).toISOString(),
              end: new Date(now + 3_600_000).toISOString(),
              environments: ['staging'],
              reason: 'quarter close',
            },
          ],
        },
      },
    });
    const frozen = await post('/deploy-requests', CARLA, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'staging',
      version: V2,
    });
    expect(frozen.status).toBe(403);
    expect(frozen.body.error.message).toContain('quarter close');
  });

  it('checks input, actions and reviews before deciding anything', async () => {
    const { policy, post, backend } = await start();
    const bad = [
      { ...promoteV2, action: 'explode' },
      { ...promoteV2, environment: 'prod duction' },
      { ...promoteV2, version: '' },
      { ...promoteV2, entityRef: 'not a ref' },
      { ...promoteV2, version: 'v9.9.9' },
      { ...promoteV2, action: 'rollback', version: 'v1.0.0' },
      {
        ...promoteV2,
        action: 'rollback',
        environment: 'staging',
        version: 'v3.0.0',
      },
    ];
    for (const body of bad) {
      const response = await post('/deploy-requests', ANA, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(policy.decided).toEqual([]);

    // A roll-back to what staging ran before is a valid request.
    const rollback = await post('/deploy-checks', ANA, {
      ...promoteV2,
      action: 'rollback',
      environment: 'staging',
      version: 'v1.0.0',
    });
    expect(rollback.status).toBe(200);
    expect(rollback.body.sha).toBe(V1);

    const unknownEntity = await post('/deploy-requests', ANA, {
      ...promoteV2,
      entityRef: 'component:default/nope',
    });
    expect(unknownEntity.status).toBe(404);

    // Reviews: a missing request, a rejection without a reason.
    const missing = await post(
      '/deploy-requests/00000000-0000-4000-8000-000000000000/approve',
      ANA,
    );
    expect(missing.status).toBe(404);
    const pending = await post('/deploy-requests', BEN, promoteV2);
    const noReason = await post(
      `/deploy-requests/${pending.body.id}/reject`,
      ANA,
      {},
    );
    expect(noReason.status).toBe(400);
    const rejected = await post(
      `/deploy-requests/${pending.body.id}/reject`,
      ANA,
      { comment: 'Not before the audit' },
    );
    expect(rejected.body).toEqual(
      expect.objectContaining({ status: 'rejected', reviewedBy: ANA }),
    );
    const late = await post(`/deploy-requests/${pending.body.id}/approve`, ANA);
    expect(late.status).toBe(409);

    // Only people act: a service credential is refused.
    const service = await request(backend.server)
      .post('/api/pipelines/deploy-requests')
      .set('Authorization', mockCredentials.service.header())
      .send(promoteV2);
    expect(service.status).toBe(403);
  });

  it('dispatches the deploy workflow once someone else approves, with who approved', async () => {
    const { github, post } = await start({
      deployWorkflow: { dispatchable: true },
    });
    const asked = await post('/deploy-requests', BEN, promoteV2);
    expect(asked.body).toEqual(
      expect.objectContaining({
        status: 'pending',
        target: {
          type: 'github-workflow',
          name: 'deploy.yml',
          repository: REPO,
        },
      }),
    );
    expect(github.requestsTo(/dispatches/)).toEqual([]);
    const approved = await post(
      `/deploy-requests/${asked.body.id}/approve`,
      ANA,
    );
    expect(approved.body.status).toBe('dispatched');
    const [dispatch] = github.requestsTo(/dispatches/);
    expect(dispatch).toEqual(
      expect.objectContaining({
        method: 'POST',
        path: `/repos/${REPO}/actions/workflows/deploy.yml/dispatches`,
        body: {
          ref: 'main',
          inputs: {
            environment: 'production',
            version: 'v2.0.0',
            request_id: asked.body.id,
            approved_by: ANA,
          },
        },
      }),
    );
    expect(dispatch.headers.authorization).toBe(`Bearer ${GITHUB_TOKEN}`);
  });

  it('records a failed request when GitHub refuses the dispatch', async () => {
    const { post } = await start({ deployWorkflow: { dispatchable: false } });
    const failed = await post('/deploy-requests', CARLA, {
      entityRef: ENTITY_REF,
      action: 'deploy',
      environment: 'staging',
      version: 'v2.0.0',
    });
    expect(failed.status).toBe(201);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.message).toContain('422');
    expect(failed.body.message).not.toContain(GITHUB_TOKEN);
  });

  it('re-runs the failed jobs of a failed run only', async () => {
    const { github, post, policy } = await start();
    const rerun = await post(`/runs/${RUN_FAILED}/rerun`, CARLA);
    expect(rerun.status).toBe(202);
    expect(rerun.body.outcome).toBe('allowed');
    expect(github.requestsTo(/rerun/).map(r => r.path)).toEqual([
      `/repos/${REPO}/actions/runs/${RUN_FAILED}/rerun-failed-jobs`,
    ]);
    expect(policy.decided.pop()!.input).toEqual(
      expect.objectContaining({ action: 'rerun', environment: 'ci' }),
    );

    const passed = await post(`/runs/${RUN_PASSED}/rerun`, CARLA);
    expect(passed.status).toBe(409);
    expect((await post('/runs/123/rerun', CARLA)).status).toBe(404);

    // An open critical violation refuses re-runs too.
    policy.compliance.set(ENTITY_REF, {
      status: 'fail',
      violations: [
        {
          rule: 'CAT-OWNER-001',
          severity: 'critical',
          message: 'no owner',
          remediation: 'Name one',
          frameworks: [],
        },
      ],
    });
    const refused = await post(`/runs/${RUN_FAILED}/rerun`, CARLA);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('DEP-VIOLATION-001');
    expect(github.requestsTo(/rerun/)).toHaveLength(1);
  });

  it('lets only those the permission policy allows ask or review', async () => {
    const denyAll: PermissionsService = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
    }) as any;
    const { post, policy } = await start({ permissions: denyAll });
    const denied = await post('/deploy-requests', BEN, promoteV2);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('owners');
    expect(policy.decided).toEqual([]);
  });
});
