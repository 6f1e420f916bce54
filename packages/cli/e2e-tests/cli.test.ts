import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// The state of the end-to-end global setup, which lives with the backend
// it starts: the portal these tests run against.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { readE2EState } from '../../backend/e2e-tests/support/state';

/**
 * The finops command as people and CI jobs run it (node packages/cli/bin/finops,
 * from the TypeScript sources), against the real backend on PostgreSQL that
 * global setup started with the local default configuration, a Vault-API
 * test server and a static service token. Each test checks the exit code
 * and the output, human and --json.
 */
const REPO_ROOT = resolve(__dirname, '../../..');
const BIN = resolve(REPO_ROOT, 'packages/cli/bin/finops');
const state = readE2EState();
const portal = state.backends.postgres.url;

/** Config homes and files made for the commands, removed after the tests. */
const scratch: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'finops-cli-e2e-'));
  scratch.push(dir);
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function finops(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // A config folder of its own: never the credentials of whoever runs this.
  const configHome = scratchDir();
  return new Promise(done => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: configHome,
          XDG_CONFIG_HOME: configHome,
          NO_COLOR: '1',
          FINOPS_PORTAL_URL: portal,
          FINOPS_TOKEN: state.serviceToken,
          ...env,
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        done({ code: exitCodeOf(error), stdout, stderr }),
    );
  });
}

/** The child's exit code; -1 when it did not exit by itself (timeout). */
function exitCodeOf(error: { code?: unknown } | null): number {
  if (!error) return 0;
  return typeof error.code === 'number' ? error.code : -1;
}

function json(run: Run) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(
      `not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`,
    );
  }
}

function file(name: string, content: string): string {
  const path = join(scratchDir(), name);
  writeFileSync(path, content);
  return path;
}

test.describe.configure({ mode: 'serial' });

test.afterAll(() => {
  for (const dir of scratch.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.beforeAll(async () => {
  // The catalog ingests the examples and the pipelines backend replays their
  // history asynchronously after startup.
  await expect
    .poll(
      async () => {
        const run = await finops(['status', 'card-payments', '--json']);
        return run.code === 0 && json(run).runs?.data?.length > 0;
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toBe(true);
});

test('templates list shows the golden paths', async () => {
  const human = await finops(['templates', 'list']);
  expect(human.code).toBe(0);
  expect(human.stdout).toMatch(/^NAME\s+TYPE\s+OWNER\s+TITLE\n/);
  expect(human.stdout).toMatch(
    /\ntechdocs-site\s+documentation\s+platform-team\s+Documentation site for a system\n/,
  );

  const machine = await finops(['templates', 'list', '--json']);
  expect(machine.code).toBe(0);
  expect(json(machine)).toContainEqual(
    expect.objectContaining({
      ref: 'template:default/techdocs-site',
      type: 'documentation',
      owner: 'platform-team',
    }),
  );
});

test('catalog validate accepts the example services (exit 0)', async () => {
  const run = await finops(['catalog', 'validate', 'examples/components.yaml']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    '✔ component:default/card-payments examples/components.yaml:',
  );
  expect(run.stdout).toMatch(/The catalog would accept all \d+ entities\./);

  const machine = await finops([
    'catalog',
    'validate',
    'examples/components.yaml',
    '--json',
  ]);
  expect(machine.code).toBe(0);
  const report = json(machine);
  expect(report).toMatchObject({ valid: true, allowed: true });
  expect(report.revision).toMatch(/^[0-9a-f]{8,}/);
});

const UNOWNED_SERVICE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cli-e2e-unowned
spec:
  type: service
  lifecycle: production
  owner: ''
`;

test('catalog validate refuses a service that breaks enforcing rules (exit 1)', async () => {
  // An owner that is no entity ref, and no data classification.
  const path = file(
    'catalog-info.yaml',
    UNOWNED_SERVICE.replace("owner: ''", 'owner: nobody at all'),
  );
  const run = await finops(['catalog', 'validate', path]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(
    `✘ component:default/cli-e2e-unowned ${path}:1\n`,
  );
  expect(run.stdout).toMatch(
    / {4}CAT-OWNER-001 \(high, enforcing\) .+\n {8}fix: .+/,
  );
  expect(run.stdout).toMatch(
    / {4}CAT-CLASSIFICATION-001 \(high, enforcing\) .+\n {8}fix: .+/,
  );
  expect(run.stdout).toContain(
    'The catalog would refuse component:default/cli-e2e-unowned (enforcing rules).',
  );

  const report = json(await finops(['catalog', 'validate', path, '--json']));
  expect(report.allowed).toBe(false);
  const violations = report.entities[0].policy.violations;
  expect(violations).toContainEqual(
    expect.objectContaining({
      rule: 'CAT-CLASSIFICATION-001',
      severity: 'high',
      enforcing: true,
      remediation: expect.any(String),
    }),
  );
  // Reporting rules are listed after the enforcing ones, and do not block.
  expect(violations.findIndex((v: any) => !v.enforcing)).toBeGreaterThan(
    violations.findLastIndex((v: any) => v.enforcing),
  );
});

test('catalog validate exits 2 for a file that is not a catalog file', async () => {
  const yaml = await finops([
    'catalog',
    'validate',
    file('broken.yaml', 'kind: [Component\n'),
  ]);
  expect(yaml.code).toBe(2);
  expect(yaml.stderr).toMatch(
    /^finops: .*broken\.yaml:\d+:\d+: not valid YAML: .+\n$/,
  );

  const entity = await finops([
    'catalog',
    'validate',
    file(
      'catalog-info.yaml',
      UNOWNED_SERVICE.replace('name: cli-e2e-unowned', 'name: Not Valid'),
    ),
    '--json',
  ]);
  expect(entity.code).toBe(2);
  expect(json(entity)).toMatchObject({
    valid: false,
    allowed: null,
    entities: [
      {
        schemaErrors: [expect.stringContaining('"metadata.name" is not valid')],
      },
    ],
  });
});

test('status shows a service with pipeline history', async () => {
  const run = await finops(['status', 'card-payments']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^component:default\/card-payments {2}\S/);
  expect(run.stdout).toMatch(
    /\nLatest runs\n {2}RUN\s+WORKFLOW\s+BRANCH\s+RESULT/,
  );
  expect(run.stdout).toMatch(
    /\nDeployments\n {2}ENVIRONMENT\s+VERSION\s+DEPLOYED\s+BY/,
  );
  expect(run.stdout).toMatch(/\n {2}production\s+\S+/);
  expect(run.stdout).toMatch(/\nCompliance\n {2}(pass|fail)/);
  // Health answers, or says why it cannot (no Prometheus configured here).
  expect(run.stdout).toMatch(
    /\nHealth\n {2}(not available: |ok|warning|breached|unknown)/,
  );

  const report = json(
    await finops(['status', 'component:default/card-payments', '--json']),
  );
  expect(report.entityRef).toBe('component:default/card-payments');
  expect(report.entity.owner).toBe('payments-team');
  expect(report.runs.data.length).toBeGreaterThan(0);
  expect(report.environments.data.map((e: any) => e.environment)).toContain(
    'production',
  );
  expect(report.compliance.data.entityRef).toBe(
    'component:default/card-payments',
  );
  expect(typeof report.health.available).toBe('boolean');
});

test('secrets list shows metadata from Vault, never values', async () => {
  const run = await finops(['secrets', 'list', 'card-payments']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^component:default\/card-payments: Vault main, /);

  const report = json(
    await finops(['secrets', 'list', 'card-payments', '--json']),
  );
  expect(report).toMatchObject({
    entityRef: 'component:default/card-payments',
    configured: true,
    instance: 'main',
  });
  expect(JSON.stringify(report)).not.toMatch(/"value"/);
});

test('doctor checks the portal and each integration, with timings', async () => {
  const run = await finops(['doctor']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/✔\s+portal\s+\d+ ms\s+ready at /);
  expect(run.stdout).toMatch(/✔\s+Vault main\s+\d+ ms\s+unsealed/);
  expect(run.stdout).toMatch(
    /–\s+GitHub\s+not checked: the portal has no status endpoint for it/,
  );
  expect(run.stdout).toContain('✔ Everything the platform needs answers.');

  const report = json(await finops(['doctor', '--json']));
  expect(report.healthy).toBe(true);
  const byName = Object.fromEntries(report.checks.map((c: any) => [c.name, c]));
  for (const name of [
    'portal',
    'signed in',
    'catalog, database',
    'policy (OPA)',
    'Vault main',
  ]) {
    expect(byName[name]).toMatchObject({
      state: 'ok',
      latencyMs: expect.any(Number),
    });
  }
  expect(byName['signed in'].detail).toBe(
    'with a service token (FINOPS_TOKEN)',
  );
  expect(byName['catalog, database'].detail).toMatch(/^\d+ entities$/);
});

test('whoami names the service token', async () => {
  const run = await finops(['whoami', '--json']);
  expect(run.code).toBe(0);
  expect(json(run)).toEqual({
    portal,
    kind: 'service',
    source: 'FINOPS_TOKEN',
    accepted: true,
  });
});

/**
 * A person's token, as finops login stores it: the local guest's
 * (user:default/guest, a member of customer-team). Templates check the
 * request against policy as the person who runs them.
 */
async function personToken(): Promise<string> {
  const res = await fetch(`${portal}/api/auth/guest/refresh`);
  expect(res.status).toBe(200);
  return (await res.json()).backstageIdentity.token;
}

test('create follows the scaffolder task and names the step that failed (exit 1)', async () => {
  // A repository host with no integration: the policy check and
  // fetch:template run, the publish step fails at once, without calling
  // any code host.
  const run = await finops(
    [
      'create',
      'techdocs-site',
      '--set',
      'name=cli-e2e-docs',
      '--set',
      'system=customer-onboarding',
      '--set',
      'owner=customer-team',
      '--set',
      'repoUrl=example.invalid?owner=acme&repo=cli-e2e-docs',
    ],
    { FINOPS_TOKEN: await personToken() },
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(
    /^Creating from template:default\/techdocs-site: task [0-9a-f-]{36} \(5 steps\)\n/,
  );
  expect(run.stdout).toContain('▸ [2/5] Generate the docs site\n');
  expect(run.stdout).toMatch(/✔ \[1\/5\] Check the request against policy/);
  expect(run.stdout).toMatch(/✔ \[2\/5\] Generate the docs site \(.+\)\n/);
  expect(run.stdout).toMatch(/✘ \[3\/5\] Publish to GitHub/);
  expect(run.stdout).toMatch(
    /\n✘ Step "Publish to GitHub" failed: .*example\.invalid.*\n$/,
  );

  const missing = await finops(['create', 'techdocs-site', '--set', 'name=x']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toBe(
    'finops: Missing required parameters: system, owner, repoUrl (pass --set system=... or --values file.yaml)\n',
  );
});

test('create refuses what policy forbids, with the rules (exit 1)', async () => {
  // A service token is nobody's: it is in no group, so it may not own.
  const run = await finops([
    'create',
    'techdocs-site',
    '--set',
    'name=cli-e2e-denied',
    '--set',
    'system=customer-onboarding',
    '--set',
    'owner=customer-team',
    '--set',
    'repoUrl=repos.local?owner=customer-team&repo=cli-e2e-denied',
  ]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/✘ \[1\/5\] Check the request against policy/);
  expect(run.stdout).toContain(
    'SCF-OWNER-001 [high] the owner customer-team is not one of your groups',
  );
});

test('create runs a service template end to end into a local repository, and the catalog registers it', async () => {
  // A retry publishes a repository of its own: the first one exists.
  const retry = test.info().retry;
  const name = `cli-e2e-service${retry ? `-retry${retry}` : ''}`;
  // As docs/getting-started.md shows it: what is not given (environments,
  // pciScope, the description) takes the template's defaults, as in the form.
  const run = await finops(
    [
      'create',
      'go-service',
      '--set',
      `name=${name}`,
      '--set',
      'owner=customer-team',
      '--set',
      'system=customer-onboarding',
      '--set',
      'dataClassification=internal',
      '--set',
      `repoUrl=repos.local?owner=customer-team&repo=${name}`,
    ],
    { FINOPS_TOKEN: await personToken() },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    /^Creating from template:default\/go-service: task [0-9a-f-]{36} \(6 steps\)\n/,
  );
  for (const step of [
    '[1/6] Check the request against policy',
    '[2/6] Generate the service',
    '[3/6] Provision the development secrets in Vault',
    '[5/6] Publish to a local repository',
    '[6/6] Register in the catalog',
  ]) {
    expect(run.stdout).toContain(`✔ ${step}`);
  }
  expect(run.stdout).toContain(`https://repos.local/customer-team/${name}`);

  // The catalog processes the registered location on its own schedule:
  // until then the entity is unknown (exit 5).
  let status = await finops(['status', `component:${name}`]);
  for (let tries = 0; status.code === 5 && tries < 60; tries++) {
    await new Promise(r => setTimeout(r, 1000));
    status = await finops(['status', `component:${name}`]);
  }
  expect(status.code).toBe(0);
  expect(status.stdout).toContain(name);
  const machine = await finops(['status', `component:${name}`, '--json']);
  expect(machine.code).toBe(0);
  const entity = await fetch(
    `${portal}/api/catalog/entities/by-name/component/default/${name}`,
    { headers: { authorization: `Bearer ${state.serviceToken}` } },
  ).then(r => r.json());
  expect(entity.metadata.annotations['finops.io/argocd-apps']).toBe(
    `development=${name}-development,staging=${name}-staging,production=${name}-production`,
  );
  expect(json(machine)).toMatchObject({
    entityRef: `component:default/${name}`,
    entity: {
      type: 'service',
      owner: 'customer-team',
      system: 'customer-onboarding',
    },
    compliance: { available: true, data: { status: 'pass' } },
  });
});

test('policy exceptions and approvals list, as JSON', async () => {
  const exceptions = await finops(['policy', 'exceptions', 'list', '--json']);
  expect(exceptions.code).toBe(0);
  expect(Array.isArray(json(exceptions))).toBe(true);
  const approvals = await finops(['approvals', 'list', '--json']);
  expect(approvals.code).toBe(0);
  expect(Array.isArray(json(approvals))).toBe(true);
});

test.describe('errors', () => {
  test('the portal down: exit 6 and what to check', async () => {
    const closed = await closedPort();
    const run = await finops(['status', 'card-payments', '--portal', closed]);
    expect(run.code).toBe(6);
    expect(run.stderr).toBe(
      `finops: The portal at ${closed} did not answer (connection refused): is it running? Check --portal\n`,
    );
    const machine = await finops([
      'templates',
      'list',
      '--json',
      '--portal',
      closed,
    ]);
    expect(machine.code).toBe(6);
    expect(json(machine).error.exitCode).toBe(6);
  });

  test('a wrong token: exit 3', async () => {
    const run = await finops(['templates', 'list'], {
      FINOPS_TOKEN: 'not-a-real-token',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `finops: The portal at ${portal} rejected the token in FINOPS_TOKEN: check it, or unset it and run finops login\n`,
    );
  });

  test('no credentials at all: exit 3 and how to sign in', async () => {
    const run = await finops(['status', 'card-payments'], { FINOPS_TOKEN: '' });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `finops: Not signed in to ${portal}: run finops login (or set FINOPS_TOKEN)\n`,
    );
  });

  test('denied: deploying needs a person, not a service token (exit 4)', async () => {
    const run = await finops([
      'deploy',
      'card-payments',
      '--env',
      'staging',
      '--version',
      'v1.0.0',
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(
      'finops: Permission denied: this action needs a person, not a service token: unset FINOPS_TOKEN and run finops login\n',
    );
  });

  test('an unknown entity: exit 5', async () => {
    const run = await finops(['status', 'no-such-service']);
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(
      'finops: No entity component:default/no-such-service in the catalog\n',
    );
    const template = await finops(['create', 'no-such-template']);
    expect(template.code).toBe(5);
    expect(template.stderr).toBe(
      'finops: No template template:default/no-such-template in the catalog: finops templates list shows them\n',
    );
  });

  test('browser sign-in on a portal without command-line sign-in says how to sign in', async () => {
    const run = await finops(['login', '--no-browser'], { FINOPS_TOKEN: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `finops: The portal at ${portal} does not offer command-line sign-in (its auth backend needs auth.clientIdMetadataDocuments.enabled): use a token instead, with FINOPS_TOKEN or finops login --token-stdin\n`,
    );
  });
});

/** An address nothing listens on: a port bound, read and released. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise(r => server.close(r));
  return `http://127.0.0.1:${port}`;
}
