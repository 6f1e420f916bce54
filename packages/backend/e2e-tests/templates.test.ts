import { APIRequestContext, expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { readE2EState } from './support/state';

/**
 * The golden-path templates on the real backend, as the guest of the local
 * default (user:default/guest, a member of customer-team) runs them:
 * every template through the scaffolder's dry-run API, every service
 * template end to end into a local repository, and bad input refused.
 * Building and testing the generated projects with their own toolchains is
 * scripts/lib/templates-check.sh, a stage of its own.
 */
const REPO_ROOT = resolve(__dirname, '../../..');
const TEMPLATES_DIR = resolve(REPO_ROOT, 'templates');
const SERVICE_TEMPLATES = ['node-service', 'python-service', 'go-service'];
const ALL_TEMPLATES = [...SERVICE_TEMPLATES, 'techdocs-site'];
const ENVIRONMENTS = ['development', 'staging', 'production'];

const state = readE2EState();

interface FileEntry {
  path: string;
  base64Content: string;
}

/** Every file of a template folder, as the dry-run API takes them. */
function templateFiles(name: string): FileEntry[] {
  const dir = join(TEMPLATES_DIR, name);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
    .map(path => ({
      path: relative(dir, path),
      base64Content: readFileSync(path).toString('base64'),
    }));
}

/**
 * The files fetch:template must produce for a request with every
 * environment: the skeleton's, with each `${{ 'x' if 'x' in
 * values.environments }}` folder named x.
 */
function expectedFiles(name: string): string[] {
  return templateFiles(name)
    .map(f => f.path)
    .filter(path => path.startsWith('skeleton/'))
    .map(path =>
      path
        .slice('skeleton/'.length)
        .replace(
          /\$\{\{ '([a-z]+)' if '\1' in values\.environments \}\}/,
          '$1',
        ),
    )
    .sort();
}

function templateEntity(name: string) {
  return parse(
    readFileSync(join(TEMPLATES_DIR, name, 'template.yaml'), 'utf8'),
  );
}

function valuesFor(template: string, name: string, overrides = {}) {
  const base = {
    name,
    description: `Created by the end-to-end tests from ${template}`,
    owner: 'group:default/customer-team',
    system: 'system:default/customer-onboarding',
    repoUrl: `repos.local?owner=customer-team&repo=${name}`,
  };
  const service = SERVICE_TEMPLATES.includes(template)
    ? {
        dataClassification: 'confidential',
        pciScope: false,
        environments: ENVIRONMENTS,
      }
    : {};
  return { ...base, ...service, ...overrides };
}

/** A user token for the local guest, from the guest provider. */
async function guestHeaders(request: APIRequestContext, url: string) {
  const session = await request.get(`${url}/api/auth/guest/refresh`);
  expect(session.status()).toBe(200);
  const { token } = (await session.json()).backstageIdentity;
  return { authorization: `Bearer ${token}` };
}

const serviceHeaders = { authorization: `Bearer ${state.serviceToken}` };

interface DryRunResult {
  log: Array<{ body: { message: string; status?: string; stepId?: string } }>;
  directoryContents: FileEntry[];
  steps: Array<{ id: string; name: string }>;
}

async function dryRun(
  request: APIRequestContext,
  url: string,
  template: string,
  values: object,
): Promise<DryRunResult> {
  const res = await request.post(`${url}/api/scaffolder/v2/dry-run`, {
    headers: await guestHeaders(request, url),
    data: {
      template: templateEntity(template),
      values,
      secrets: {},
      directoryContents: templateFiles(template),
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

function fileText(result: DryRunResult, path: string): string {
  const file = result.directoryContents.find(f => f.path === path);
  expect(file, `${path} was generated`).toBeDefined();
  return Buffer.from(file!.base64Content, 'base64').toString('utf8');
}

for (const db of ['sqlite', 'postgres'] as const) {
  test.describe(`dry-run on ${db}`, () => {
    const { url } = state.backends[db];

    for (const template of ALL_TEMPLATES) {
      test(`${template}: renders every file, and its catalog-info.yaml passes finops.catalog`, async ({
        request,
      }) => {
        const name = `dry-${template}`;
        const result = await dryRun(
          request,
          url,
          template,
          valuesFor(template, name),
        );
        const messages = result.log.map(l => l.body.message).join('\n');
        expect(messages).not.toMatch(/failed|error/i);

        expect(result.directoryContents.map(f => f.path).sort()).toEqual(
          expectedFiles(template),
        );
        for (const file of result.directoryContents) {
          const text = Buffer.from(file.base64Content, 'base64').toString();
          expect(text, `${file.path} is fully rendered`).not.toMatch(
            /\$\{\{\s*values\.|\{%-?\s*(if|for|raw)\b/,
          );
        }

        const entities = parseAllDocuments(
          fileText(result, 'catalog-info.yaml'),
        ).map(d => d.toJS());
        const component = entities.find(e => e.kind === 'Component');
        expect(component.metadata).toMatchObject({
          name,
          annotations: expect.objectContaining({
            'backstage.io/source-template': `template:default/${template}`,
            'finops.io/template-version':
              templateEntity(template).metadata.annotations[
                'finops.io/template-version'
              ],
          }),
        });
        expect(component.spec).toMatchObject({
          owner: 'group:default/customer-team',
          system: 'system:default/customer-onboarding',
        });
        for (const entity of entities) {
          // The catalog resolves $text placeholders before the policy sees
          // the entity; so does this test.
          if (entity.spec?.definition?.$text) {
            entity.spec.definition = fileText(
              result,
              entity.spec.definition.$text.replace(/^\.\//, ''),
            );
          }
          const decided = await request.post(
            `${url}/api/policy/decisions/catalog`,
            {
              headers: serviceHeaders,
              data: {
                input: {
                  entity,
                  groups: ['group:default/customer-team'],
                  exceptions: [],
                },
              },
            },
          );
          expect(decided.status()).toBe(200);
          const decision = await decided.json();
          expect(
            decision.violations,
            `${entity.kind} ${entity.metadata.name} passes finops.catalog`,
          ).toEqual([]);
        }
        if (SERVICE_TEMPLATES.includes(template)) {
          const api = entities.find(e => e.kind === 'API');
          // Resolved above from its $text placeholder: the generated spec.
          expect(parse(api.spec.definition).openapi).toMatch(/^3\./);
          expect(parse(api.spec.definition).paths).toHaveProperty('/healthz');
          expect(component.metadata.annotations).toMatchObject({
            'finops.io/data-classification': 'confidential',
            'finops.io/prometheus-selector': `service="${name}"`,
            'vault.io/secrets-path': `customer-onboarding/${name}`,
            'finops.io/slo-availability': expect.any(String),
          });
        }
      });
    }

    test('bad input is refused: by the form schema, then by policy with the rules and what to do', async ({
      request,
    }) => {
      // The parameters' JSON Schema, checked by the API as by the form.
      const refused = await request.post(`${url}/api/scaffolder/v2/dry-run`, {
        headers: await guestHeaders(request, url),
        data: {
          template: templateEntity('node-service'),
          values: valuesFor('node-service', 'Bad_Name'),
          secrets: {},
          directoryContents: templateFiles('node-service'),
        },
      });
      expect(refused.status()).toBe(400);
      const { errors } = await refused.json();
      expect(errors.map((e: { stack: string }) => e.stack)).toEqual([
        'instance.name does not match pattern "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"',
      ]);

      // What the schema cannot know: whose groups, which system, which
      // repository. The policy step refuses before anything is generated.
      const denied = await request.post(`${url}/api/scaffolder/v2/dry-run`, {
        headers: await guestHeaders(request, url),
        data: {
          template: templateEntity('node-service'),
          values: valuesFor('node-service', 'refunds', {
            owner: 'group:default/ledger-team',
            repoUrl: 'repos.local?owner=customer-team&repo=other',
            pciScope: true,
          }),
          secrets: {},
          directoryContents: templateFiles('node-service'),
        },
      });
      expect(denied.status()).toBe(400);
      const { message } = (await denied.json()).error;
      expect(message).toMatch(
        /^policy check failed \(revision [0-9a-f]{16}\); fix these and run the template again:\n/,
      );
      expect(message).toContain(
        '- SCF-OWNER-001 [high] the owner group:default/ledger-team is not one of your groups — Choose a group you are a member of',
      );
      expect(message).toContain(
        '- SCF-PCI-001 [critical] the system system:default/customer-onboarding is not approved for PCI-scoped components',
      );
      expect(message).toContain(
        '- SCF-REPO-001 [low] the repository repos.local?owner=customer-team&repo=other is not refunds under an owner',
      );
    });
  });
}

test.describe('full runs on the local default (PostgreSQL)', () => {
  const { url } = state.backends.postgres;

  for (const template of SERVICE_TEMPLATES) {
    test(`${template}: a new service is published, registered, documented, passes policy and has its secrets`, async ({
      request,
    }) => {
      test.setTimeout(300_000);
      // A retry publishes a repository of its own: the first one exists.
      const retry = test.info().retry;
      const name = `e2e-${template}${retry ? `-retry${retry}` : ''}`;
      const headers = await guestHeaders(request, url);
      const created = await request.post(`${url}/api/scaffolder/v2/tasks`, {
        headers,
        data: {
          templateRef: `template:default/${template}`,
          values: valuesFor(template, name),
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { id } = await created.json();

      let task: any;
      await expect
        .poll(
          async () => {
            task = await (
              await request.get(`${url}/api/scaffolder/v2/tasks/${id}`, {
                headers,
              })
            ).json();
            return task.status;
          },
          { timeout: 180_000, intervals: [1000] },
        )
        .toMatch(/completed|failed/);
      if (task.status !== 'completed') {
        const events = await (
          await request.get(`${url}/api/scaffolder/v2/tasks/${id}/events`, {
            headers,
          })
        ).json();
        throw new Error(
          `task ${task.status}: ${events
            .map((e: any) => e.body.message)
            .join('\n')}`,
        );
      }
      const events = await (
        await request.get(`${url}/api/scaffolder/v2/tasks/${id}/events`, {
          headers,
        })
      ).json();
      const completion = events.find((e: any) => e.type === 'completion');
      const links = completion?.body?.output?.links ?? [];
      expect(links).toContainEqual(
        expect.objectContaining({
          title: 'Repository',
          url: `https://repos.local/customer-team/${name}`,
        }),
      );

      // The catalog reads the new repository and registers the service and
      // its API.
      const entity = async (kind: string, entityName: string) =>
        request.get(
          `${url}/api/catalog/entities/by-name/${kind}/default/${entityName}`,
          { headers: serviceHeaders },
        );
      await expect
        .poll(async () => (await entity('component', name)).status(), {
          timeout: 120_000,
        })
        .toBe(200);
      const component = await (await entity('component', name)).json();
      expect(component.spec).toMatchObject({
        type: 'service',
        owner: 'group:default/customer-team',
        system: 'system:default/customer-onboarding',
      });
      await expect
        .poll(async () => (await entity('api', `${name}-api`)).status(), {
          timeout: 60_000,
        })
        .toBe(200);

      // Its policy results: evaluated by the catalog module on ingestion.
      await expect
        .poll(
          async () => {
            const res = await request.get(
              `${url}/api/policy/entities/component/default/${name}/compliance`,
              { headers: serviceHeaders },
            );
            return res.ok() ? (await res.json()).status : res.status();
          },
          { timeout: 120_000 },
        )
        .toBe('pass');

      // Its secrets: provisioned in (the test server of) Vault for
      // development, metadata only.
      const secrets = await request.get(`${url}/api/secrets/secrets`, {
        headers,
        params: { entityRef: `component:default/${name}` },
      });
      expect(secrets.status(), await secrets.text()).toBe(200);
      const metadata = await secrets.json();
      expect(JSON.stringify(metadata)).toContain('api-signing-key');
      expect(JSON.stringify(metadata)).toContain('development');

      // Its docs: TechDocs builds them from the repository on first visit.
      const docs = async () =>
        request.get(
          `${url}/api/techdocs/static/docs/default/component/${name}/index.html`,
          { headers: serviceHeaders },
        );
      const sync = await request.get(
        `${url}/api/techdocs/sync/default/component/${name}`,
        { headers: serviceHeaders, timeout: 120_000 },
      );
      // Server-sent events: the build's log, then "finish" or "error".
      const build = await sync.text();
      expect(build, 'the TechDocs build').not.toContain('event: error');
      await expect
        .poll(async () => (await docs()).status(), { timeout: 120_000 })
        .toBe(200);
      expect(await (await docs()).text()).toContain(name);
    });
  }
});
