import { FakePortal, sendJson } from '../__testUtils__/fakePortal';
import { runFinops } from '../__testUtils__/runFinops';

describe('argument parsing', () => {
  it('refuses an unknown option with exit 2 and a pointer to --help', async () => {
    const run = await runFinops(['status', 'x', '--colour']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      "finops: unknown option '--colour'\n(finops <command> --help shows usage and examples)\n",
    );
  });

  it('refuses a missing required option with exit 2', async () => {
    const run = await runFinops([
      'deploy',
      'card-payments',
      '--env',
      'staging',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      "finops: required option '-v, --version <version>' not specified",
    );
  });

  it('checks values before calling anything', async () => {
    const env = await runFinops([
      'deploy',
      'x',
      '--env',
      'prod env',
      '--version',
      'v1',
    ]);
    expect(env.exitCode).toBe(2);
    expect(env.stderr).toContain(
      "option '-e, --env <environment>' argument 'prod env' is invalid. an environment name",
    );
    const secret = await runFinops([
      'secrets',
      'provision',
      'x',
      '--env',
      'staging',
      '--secret',
      'Database',
    ]);
    expect(secret.exitCode).toBe(2);
    expect(secret.stderr).toContain('"Database" is not a secret name');
    const id = await runFinops(['approvals', 'approve', '42']);
    expect(id.exitCode).toBe(2);
    expect(id.stderr).toContain('a request id (a UUID');
  });

  it('refuses an entity argument that is not a ref', async () => {
    const run = await runFinops([
      'status',
      'component:default/a/b',
      '--portal',
      'http://127.0.0.1:1',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'finops: "component:default/a/b" is not an entity: use name, kind:name or kind:namespace/name\n',
    );
  });

  it("reads --version after deploy as the version to deploy, before it as the CLI's", async () => {
    const portal = await FakePortal.start();
    try {
      portal.on('POST', '/api/pipelines/deploy-checks', (req, res) =>
        sendJson(res, 200, {
          outcome: 'refused',
          violations: [
            {
              rule: 'DEP-FREEZE-001',
              severity: 'high',
              message: 'production is frozen until Monday',
              remediation: 'Wait for the window to end',
              frameworks: [],
            },
          ],
          excepted: [],
          revision: 'r1',
          sha: null,
          commitAuthors: [],
          target: null,
          targetProblem: null,
          echo: req.body,
        }),
      );
      const run = await runFinops(
        [
          'deploy',
          'card-payments',
          '--env',
          'production',
          '--version',
          'v1.2.3',
          '--json',
          '--portal',
          portal.url,
        ],
        { env: { FINOPS_TOKEN: 't' } },
      );
      expect(run.exitCode).toBe(1);
      expect(portal.requests[0].body).toEqual({
        entityRef: 'component:default/card-payments',
        action: 'deploy',
        environment: 'production',
        version: 'v1.2.3',
      });
      // Refused: nothing was requested.
      expect(portal.requests).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toMatchObject({
        check: { outcome: 'refused' },
        request: null,
      });
    } finally {
      await portal.close();
    }
    const version = await runFinops(['--version']);
    expect(version).toEqual({
      exitCode: 0,
      stdout: '0.0.0-test\n',
      stderr: '',
    });
  });

  it('takes the global options before or after the command', async () => {
    const before = await runFinops(['--portal', 'not a url', 'status', 'x']);
    const after = await runFinops(['status', 'x', '--portal', 'not a url']);
    for (const run of [before, after]) {
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toBe(
        'finops: --portal must be the portal\'s URL, like https://portal.example.com (got "not a url")\n',
      );
    }
  });

  it('says how to choose a portal when nothing names one', async () => {
    const run = await runFinops(['status', 'card-payments']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'finops: Which portal? Pass --portal <url>, set FINOPS_PORTAL_URL, or run finops login --portal <url>\n',
    );
  });

  it('takes the portal from FINOPS_PORTAL_URL', async () => {
    const run = await runFinops(['status', 'card-payments'], {
      env: { FINOPS_PORTAL_URL: 'ftp://portal' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'FINOPS_PORTAL_URL must be an http or https URL',
    );
  });

  it('shows help with examples for every command, and exit codes at the top', async () => {
    const top = await runFinops(['--help']);
    expect(top.exitCode).toBe(0);
    expect(top.stdout).toContain('Exit codes:\n  0  success');
    expect(top.stdout).toContain('6  the portal is unreachable or unavailable');
    const leaves = [
      ['login'],
      ['logout'],
      ['whoami'],
      ['templates', 'list'],
      ['create'],
      ['catalog', 'validate'],
      ['catalog', 'register'],
      ['status'],
      ['deploy'],
      ['rollback'],
      ['approvals', 'list'],
      ['approvals', 'approve'],
      ['approvals', 'reject'],
      ['secrets', 'list'],
      ['secrets', 'provision'],
      ['policy', 'exceptions', 'request'],
      ['policy', 'exceptions', 'list'],
      ['doctor'],
      ['completion'],
    ];
    for (const command of leaves) {
      const help = await runFinops([...command, '--help']);
      expect({ command, exitCode: help.exitCode }).toEqual({
        command,
        exitCode: 0,
      });
      expect({
        command,
        examples: help.stdout.includes('\nExamples:\n  # '),
      }).toEqual({
        command,
        examples: true,
      });
    }
  });

  it("shows a group's help for a bare group, as a usage error", async () => {
    const run = await runFinops(['secrets']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Usage: finops secrets [options] [command]');
  });
});
