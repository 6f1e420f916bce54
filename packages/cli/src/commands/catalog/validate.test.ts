import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FakePortal, sendJson } from '../../__testUtils__/fakePortal';
import { runFinops, temporaryConfigHome } from '../../__testUtils__/runFinops';

const SERVICE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: card-payments
  annotations:
    finops.io/data-classification: restricted
spec:
  type: service
  lifecycle: production
  owner: payments-team
`;

const API = `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments-api
spec:
  type: openapi
  lifecycle: production
  owner: payments-team
  definition: 'openapi: 3.0.0'
`;

async function file(name: string, content: string) {
  const path = join(await temporaryConfigHome(), name);
  await writeFile(path, content);
  return path;
}

/** The policy backend's rules and decisions, as the portal answers them. */
function policyBackend(
  portal: FakePortal,
  violations: Record<string, object[]>,
) {
  portal
    .on('GET', '/api/catalog/entities', (_req, res) =>
      sendJson(res, 200, [
        {
          kind: 'Group',
          metadata: { name: 'payments-team', namespace: 'default' },
        },
      ]),
    )
    .on('GET', '/api/policy/rules', (_req, res) =>
      sendJson(res, 200, {
        revision: 'rev-0123456789abcdef',
        loadedAt: '2025-06-01T00:00:00Z',
        current: true,
        rules: [
          { id: 'CAT-PCI-001', enforcing: true },
          { id: 'CAT-ONCALL-001', enforcing: false },
        ],
      }),
    )
    .on('POST', '/api/policy/decisions/catalog', (req, res) => {
      const body = req.body as { subject: string };
      sendJson(res, 200, {
        decisionPoint: 'catalog',
        allow: true,
        violations: violations[body.subject] ?? [],
        excepted: [],
        revision: 'rev-0123456789abcdef',
      });
    });
}

const PCI = {
  rule: 'CAT-PCI-001',
  severity: 'critical',
  message: 'PCI-scoped card-payments has no vault.io/secrets-path',
  remediation: 'Add the vault.io/secrets-path annotation',
  frameworks: ['PCI-DSS 3.5'],
};
const ONCALL = {
  rule: 'CAT-ONCALL-001',
  severity: 'high',
  message: 'production service card-payments has no on-call',
  remediation: 'Add pagerduty.com/service-id',
  frameworks: ['SOC 2 CC7.4'],
};

describe('finops catalog validate', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
  });
  afterEach(() => portal.close());

  it('passes a file whose entities break only reporting rules (exit 0)', async () => {
    policyBackend(portal, { 'component:default/card-payments': [ONCALL] });
    const path = await file('catalog-info.yaml', `${SERVICE}---\n${API}`);
    const run = await runFinops(
      ['catalog', 'validate', path, '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
      },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        `✔ component:default/card-payments ${path}:1`,
        '    CAT-ONCALL-001 (high) production service card-payments has no on-call',
        '        fix: Add pagerduty.com/service-id',
        `✔ api:default/payments-api ${path}:12: no violations`,
        '',
        'The catalog would accept all 2 entities. 1 reporting violation; policy revision rev-01234567.',
        '',
      ].join('\n'),
    );
    // Decided with the groups in the catalog, the entity as subject, nothing stored.
    const decided = portal.requests.filter(
      r => r.path === '/api/policy/decisions/catalog',
    );
    expect(decided.map(r => r.body)).toEqual([
      {
        input: expect.objectContaining({
          groups: ['group:default/payments-team'],
          exceptions: [],
          entity: expect.objectContaining({ kind: 'Component' }),
        }),
        subject: 'component:default/card-payments',
      },
      expect.objectContaining({ subject: 'api:default/payments-api' }),
    ]);
    expect(
      portal.requests.some(r => r.path.includes('/entities/evaluate')),
    ).toBe(false);
  });

  it('fails a file an enforcing rule refuses (exit 1), enforcing first, as JSON', async () => {
    policyBackend(portal, { 'component:default/card-payments': [ONCALL, PCI] });
    const path = await file('catalog-info.yaml', SERVICE);
    const run = await runFinops(
      ['catalog', 'validate', path, '--json', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
      },
    );
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      file: path,
      valid: true,
      allowed: false,
      revision: 'rev-0123456789abcdef',
      entities: [
        {
          document: 1,
          line: 1,
          entityRef: 'component:default/card-payments',
          schemaErrors: [],
          policy: {
            allowed: false,
            violations: [
              { ...PCI, enforcing: true },
              { ...ONCALL, enforcing: false },
            ],
            excepted: [],
          },
        },
      ],
    });
  });

  it('exits 2 for entities the catalog would reject, without asking the policy', async () => {
    const path = await file(
      'catalog-info.yaml',
      `${SERVICE}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Not_Valid!\nspec:\n  type: service\n`,
    );
    const run = await runFinops(
      ['catalog', 'validate', path, '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
      },
    );
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain(
      `✘ document 2 ${path}:12\n    invalid "metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "Not_Valid!".\n`,
    );
    expect(run.stdout).toContain(
      `1 of 2 documents are not valid entities: the catalog would reject ${path}.`,
    );
    expect(portal.requests).toEqual([]);
  });

  it('reports an unknown kind and a missing spec field', async () => {
    const path = await file(
      'x.yaml',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c\nspec:\n  type: service\n',
    );
    const run = await runFinops([
      'catalog',
      'validate',
      path,
      '--no-policy',
      '--json',
    ]);
    expect(run.exitCode).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.entities[0].schemaErrors[0]).toContain(
      'unknown kind Widget (example.com/v1)',
    );
    expect(report.entities[1].schemaErrors[0]).toMatch(/lifecycle/);
  });

  it('exits 2 with file:line:column for YAML that does not parse', async () => {
    const path = await file(
      'broken.yaml',
      'kind: Component\nmetadata:\n  name: [x\n',
    );
    const run = await runFinops(['catalog', 'validate', path, '--no-policy']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^finops: ${path}:\\d+:\\d+: not valid YAML: `),
    );
  });

  it('exits 2 for a file that is not there or holds nothing', async () => {
    const missing = await runFinops([
      'catalog',
      'validate',
      '/nonexistent/catalog-info.yaml',
    ]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(
      'finops: No file /nonexistent/catalog-info.yaml\n',
    );
    const empty = await runFinops([
      'catalog',
      'validate',
      await file('e.yaml', '# nothing\n'),
    ]);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/holds no entities\n$/);
  });

  it('checks only the schema with --no-policy, without a portal', async () => {
    const path = await file('catalog-info.yaml', SERVICE);
    const run = await runFinops(['catalog', 'validate', path, '--no-policy']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `✔ component:default/card-payments ${path}:1: a valid entity\n\n1 valid entities (policy not checked).\n`,
    );
  });
});
