// Checks the catalog entities a generated service registers:
//
//   node check-catalog.mjs <project dir> <values JSON file>
//
// The entities must pass the catalog's own default policies (schema, field
// formats, no foreign root fields), and carry what the platform's plugins
// read: the annotations and label of the golden paths with the values the
// form asked for, the API and its OpenAPI definition, TechDocs, CODEOWNERS.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  parseEntityRef,
} from '@backstage/catalog-model';
import { parse, parseAllDocuments } from 'yaml';

const [projectDir, valuesFile] = process.argv.slice(2);
const values = JSON.parse(await readFile(valuesFile, 'utf8'));
const problems = [];
const expect = (condition, message) => condition || problems.push(message);

const { name, destination, environments } = values;
const systemName = parseEntityRef(values.system, {
  defaultKind: 'system',
}).name;
const ownerName = parseEntityRef(values.owner, { defaultKind: 'group' }).name;

const documents = parseAllDocuments(
  await readFile(path.join(projectDir, 'catalog-info.yaml'), 'utf8'),
);
for (const document of documents) {
  if (document.errors.length > 0)
    throw new Error(`catalog-info.yaml: ${document.errors[0].message}`);
}
const declared = documents.map(document => document.toJS());
// What the catalog validates: with the $text placeholder resolved.
const entities = await Promise.all(declared.map(resolveText));
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
for (const entity of entities) {
  try {
    const checked = await policy.enforce(structuredClone(entity));
    const validator = {
      Component: componentEntityV1alpha1Validator,
      API: apiEntityV1alpha1Validator,
    }[entity.kind];
    expect(validator, `unexpected entity kind ${entity.kind}`);
    if (validator) await validator.check(checked);
  } catch (error) {
    problems.push(
      `${entity?.kind} ${entity?.metadata?.name}: ${error.message}`,
    );
  }
}

const component = entities.find(entity => entity?.kind === 'Component');
const api = entities.find(entity => entity?.kind === 'API');
expect(
  entities.length === 2 && component && api,
  'catalog-info.yaml must hold one Component and one API',
);

if (component) {
  const expected = {
    'github.com/project-slug': `${destination.owner}/${destination.repo}`,
    'backstage.io/techdocs-ref': 'dir:.',
    'backstage.io/kubernetes-id': name,
    'argocd/app-name': `${name}-${environments[0]}`,
    'finops.io/argocd-apps': environments
      .map(env => `${env}=${name}-${env}`)
      .join(','),
    'finops.io/deploy-workflow': 'deploy.yml',
    'vault.io/secrets-path': `${systemName}/${name}`,
    'finops.io/data-classification': values.dataClassification,
    'finops.io/prometheus-selector': `service="${name}"`,
    'grafana/dashboard-selector': `tags @> 'service:${name}'`,
    'grafana/alert-label-selector': `service=${name}`,
    'finops.io/slo-availability': '99.9',
    'finops.io/slo-latency': '99% < 250ms',
    'finops.io/slo-window': '28d',
    'finops.io/on-call': values.owner,
    'backstage.io/source-template': values.templateRef,
    'finops.io/template-version': values.templateVersion,
  };
  const annotations = component.metadata.annotations ?? {};
  for (const [key, value] of Object.entries(expected)) {
    expect(
      annotations[key] === value,
      `annotation ${key} is ${JSON.stringify(
        annotations[key],
      )}, expected ${JSON.stringify(value)}`,
    );
  }
  const pci = component.metadata.labels?.['finops.io/pci-scope'];
  expect(
    pci === String(values.pciScope),
    `label finops.io/pci-scope is ${JSON.stringify(pci)}, expected "${
      values.pciScope
    }"`,
  );
  expect(
    component.metadata.name === name,
    `the Component is named ${component.metadata.name}, expected ${name}`,
  );
  const spec = component.spec ?? {};
  expect(
    spec.type === 'service' && spec.lifecycle === 'experimental',
    'the Component must be a service, lifecycle experimental',
  );
  expect(
    spec.owner === values.owner && spec.system === values.system,
    'the Component must have the owner and system of the form',
  );
  expect(
    JSON.stringify(spec.providesApis) === JSON.stringify([`${name}-api`]),
    `the Component must provide ${name}-api`,
  );
  expect(
    existsSync(
      path.join(
        projectDir,
        '.github/workflows',
        expected['finops.io/deploy-workflow'],
      ),
    ),
    'the deploy workflow is missing',
  );
}

if (api) {
  expect(
    api.metadata.name === `${name}-api`,
    `the API is named ${api.metadata.name}, expected ${name}-api`,
  );
  expect(
    api.spec.type === 'openapi' && api.spec.lifecycle === 'experimental',
    'the API must be openapi, lifecycle experimental',
  );
  expect(
    api.spec.owner === values.owner && api.spec.system === values.system,
    'the API must have the owner and system of the form',
  );
  const definition = declared.find(entity => entity?.kind === 'API')?.spec
    ?.definition;
  expect(
    definition?.$text === './openapi.yaml',
    `the API definition is ${JSON.stringify(
      definition,
    )}, expected { $text: ./openapi.yaml }`,
  );
  const openapi = parse(api.spec.definition);
  expect(
    /^3\.[01]\.\d+$/.test(String(openapi?.openapi)),
    'openapi.yaml is not OpenAPI 3.0 or 3.1',
  );
  for (const route of ['/healthz', '/readyz', '/metrics', '/v1/hello']) {
    expect(
      openapi?.paths?.[route]?.get,
      `openapi.yaml does not describe GET ${route}`,
    );
  }
}

const mkdocs = parse(
  await readFile(path.join(projectDir, 'mkdocs.yml'), 'utf8'),
);
expect(
  mkdocs?.plugins?.includes('techdocs-core'),
  'mkdocs.yml must use the techdocs-core plugin',
);
expect(
  existsSync(path.join(projectDir, 'docs/index.md')),
  'docs/index.md is missing',
);

const codeowners = await readFile(path.join(projectDir, 'CODEOWNERS'), 'utf8');
const owners = `* @${destination.owner}/${ownerName}`;
expect(
  codeowners.split('\n').includes(owners),
  `CODEOWNERS must say "${owners}"`,
);

/** The catalog's `$text` placeholder: the file's content, relative to catalog-info.yaml. */
async function resolveText(value) {
  if (Array.isArray(value)) return Promise.all(value.map(resolveText));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$text') {
    const file = path.join(projectDir, value.$text);
    if (!existsSync(file))
      throw new Error(`$text ${value.$text} does not exist`);
    return readFile(file, 'utf8');
  }
  const entries = await Promise.all(
    Object.entries(value).map(async ([key, nested]) => [
      key,
      await resolveText(nested),
    ]),
  );
  return Object.fromEntries(entries);
}

if (problems.length > 0) {
  console.error(problems.map(problem => `- ${problem}`).join('\n'));
  process.exit(1);
}
console.log(
  `${entities.length} entities, ${
    Object.keys(component.metadata.annotations).length
  } annotations`,
);
