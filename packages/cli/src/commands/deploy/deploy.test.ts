import {
  FakePortal,
  sendError,
  sendJson,
} from '../../__testUtils__/fakePortal';
import { runFinops } from '../../__testUtils__/runFinops';

const REF = 'component:default/card-payments';
const ID = '6f1c1c9e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';

const check = (outcome: string, violations: object[] = []) => ({
  outcome,
  violations,
  excepted: [],
  revision: 'r1',
  sha: 'abc123',
  commitAuthors: ['user:default/jane'],
  target: {
    type: 'github-workflow',
    name: 'deploy.yml',
    repository: 'acme/card-payments',
  },
  targetProblem: null,
});

const request = (status: string, overrides: object = {}) => ({
  id: ID,
  entityRef: REF,
  action: 'deploy',
  environment: 'production',
  version: 'v1.5.0',
  sha: 'abc123',
  status,
  requestedBy: 'user:default/jane',
  requestedAt: '2025-06-01T12:00:00Z',
  reviewedBy: null,
  reviewedAt: null,
  comment: null,
  commitAuthors: [],
  target: null,
  message: null,
  ...overrides,
});

const APPROVAL = {
  rule: 'DEP-APPROVAL-001',
  severity: 'critical',
  message: 'production needs an approver',
  remediation: 'Ask someone else to approve',
  frameworks: [],
};

describe('finops deploy, rollback and approvals', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
  });
  afterEach(() => portal.close());
  const env = { FINOPS_TOKEN: 't' };

  it('asks first, then requests; an approval-required deploy waits (exit 0)', async () => {
    portal
      .on('POST', '/api/pipelines/deploy-checks', (_req, res) =>
        sendJson(res, 200, check('approval-required', [APPROVAL])),
      )
      .on('POST', '/api/pipelines/deploy-requests', (_req, res) =>
        sendJson(res, 201, request('pending')),
      );
    const run = await runFinops(
      [
        'deploy',
        'card-payments',
        '-e',
        'production',
        '-v',
        'v1.5.0',
        '--portal',
        portal.url,
      ],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(portal.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /api/pipelines/deploy-checks',
      'POST /api/pipelines/deploy-requests',
    ]);
    expect(run.stdout).toBe(
      [
        `finops.deploy on deploy ${REF} v1.5.0 to production: needs approval by someone else`,
        '  commit abc123',
        '  authors user:default/jane',
        '  DEP-APPROVAL-001 (critical) production needs an approver',
        '      fix: Ask someone else to approve',
        '  runs through GitHub workflow deploy.yml (acme/card-payments)',
        `… Waiting for approval: request ${ID}. Someone else runs: finops approvals approve ${ID}`,
        '',
      ].join('\n'),
    );
  });

  it('only asks with --check', async () => {
    portal.on('POST', '/api/pipelines/deploy-checks', (_req, res) =>
      sendJson(res, 200, check('allowed')),
    );
    const run = await runFinops(
      [
        'deploy',
        'card-payments',
        '-e',
        'staging',
        '-v',
        'v1.5.0',
        '--check',
        '--portal',
        portal.url,
      ],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(portal.requests).toHaveLength(1);
    expect(run.stdout).toContain(': allowed\n');
  });

  it('exits 1 when nothing can run the deploy', async () => {
    portal.on('POST', '/api/pipelines/deploy-checks', (_req, res) =>
      sendJson(res, 200, {
        ...check('allowed'),
        target: null,
        targetProblem:
          'card-payments has no finops.io/deploy-workflow annotation',
      }),
    );
    const run = await runFinops(
      [
        'deploy',
        'card-payments',
        '-e',
        'staging',
        '-v',
        'v1',
        '--portal',
        portal.url,
      ],
      { env },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '  nothing can run it: card-payments has no finops.io/deploy-workflow annotation\n',
    );
    expect(portal.requests).toHaveLength(1);
  });

  it('rolls back to the newest earlier good version when none is named', async () => {
    const deployment = (
      id: string,
      version: string,
      status: string,
      createdAt: string,
    ) => ({
      id,
      entityRef: REF,
      environment: 'production',
      version,
      sha: id,
      status,
      triggeredBy: 'jane',
      approvedBy: null,
      rollback: false,
      createdAt,
      updatedAt: createdAt,
      url: null,
      source: 'github',
    });
    const current = deployment(
      'd3',
      'v1.5.0',
      'success',
      '2025-06-01T00:00:00Z',
    );
    portal
      .on('GET', '/api/pipelines/environments', (_req, res) =>
        sendJson(res, 200, {
          items: [
            {
              environment: 'production',
              current,
              history: [
                current,
                deployment('d2', 'v1.4.9', 'failure', '2025-05-30T00:00:00Z'),
                deployment('d1', 'v1.4.2', 'success', '2025-05-20T00:00:00Z'),
              ],
            },
          ],
        }),
      )
      .on('POST', '/api/pipelines/deploy-checks', (_req, res) =>
        sendJson(res, 200, check('allowed')),
      )
      .on('POST', '/api/pipelines/deploy-requests', (_req, res) =>
        sendJson(
          res,
          201,
          request('dispatched', { action: 'rollback', version: 'v1.4.2' }),
        ),
      );
    const run = await runFinops(
      [
        'rollback',
        'card-payments',
        '--env',
        'production',
        '--json',
        '--portal',
        portal.url,
      ],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(portal.requests[1].body).toEqual({
      entityRef: REF,
      action: 'rollback',
      environment: 'production',
      version: 'v1.4.2',
    });
    expect(JSON.parse(run.stdout).request.status).toBe('dispatched');
  });

  it('lists pending requests and approves one', async () => {
    portal
      .on('GET', '/api/pipelines/deploy-requests', (_req, res) =>
        sendJson(res, 200, { items: [request('pending')] }),
      )
      .on('POST', `/api/pipelines/deploy-requests/${ID}/approve`, (_req, res) =>
        sendJson(
          res,
          200,
          request('dispatched', { reviewedBy: 'user:default/sam' }),
        ),
      );
    const list = await runFinops(
      ['approvals', 'list', '--json', '--portal', portal.url],
      { env },
    );
    expect(JSON.parse(list.stdout)).toEqual([request('pending')]);
    expect(portal.requests[0].path).toBe(
      '/api/pipelines/deploy-requests?status=pending',
    );
    const approve = await runFinops(
      ['approvals', 'approve', ID, '-m', 'CHG-1234', '--portal', portal.url],
      { env },
    );
    expect(approve.exitCode).toBe(0);
    expect(portal.requests[1].body).toEqual({ comment: 'CHG-1234' });
    expect(approve.stdout).toContain(`✔ Dispatched (request ${ID})`);
  });

  it('exits 1 when the request was already reviewed (409)', async () => {
    portal.on(
      'POST',
      `/api/pipelines/deploy-requests/${ID}/reject`,
      (_req, res) =>
        sendError(
          res,
          409,
          'ConflictError',
          `Deploy request ${ID} is dispatched, not pending`,
        ),
    );
    const run = await runFinops(
      ['approvals', 'reject', ID, '--portal', portal.url],
      { env },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `finops: Conflict: Deploy request ${ID} is dispatched, not pending\n`,
    );
  });
});
