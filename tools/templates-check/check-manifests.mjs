// Checks the Kubernetes manifests of a generated service:
//
//   node check-manifests.mjs <project dir> <values JSON file> <built dir> <core output file>
//
// <built dir> holds `kustomize build` of each overlay as <environment>.yaml.
// Every document must parse and have apiVersion, kind and metadata.name; the
// objects of the golden path must be there, in the service's namespace, with
// the hardening and probes the platform relies on. Documents of built-in
// kinds are written to <core output file> for schema validation
// (kubernetes-validate); custom resources (ServiceMonitor, Argo CD
// Application) have no schema there and are checked only here.

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

const CUSTOM_RESOURCE_GROUPS = new Set([
  'monitoring.coreos.com',
  'argoproj.io',
]);
const EXPECTED_KINDS = [
  'ServiceAccount',
  'Deployment',
  'Service',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ServiceMonitor',
];

const [projectDir, valuesFile, builtDir, coreOutput] = process.argv.slice(2);
const { name, environments } = JSON.parse(await readFile(valuesFile, 'utf8'));
const problems = [];
const expect = (condition, message) => condition || problems.push(message);
const core = [];
let customResources = 0;

async function load(file) {
  const documents = parseAllDocuments(await readFile(file, 'utf8'));
  const objects = [];
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) {
      problems.push(
        `${file} document ${index + 1}: ${document.errors[0].message}`,
      );
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    if (!object.apiVersion || !object.kind || !object.metadata?.name) {
      problems.push(
        `${file} document ${
          index + 1
        } has no apiVersion, kind or metadata.name`,
      );
      continue;
    }
    const group = object.apiVersion.includes('/')
      ? object.apiVersion.split('/')[0]
      : '';
    if (CUSTOM_RESOURCE_GROUPS.has(group)) customResources += 1;
    else core.push(object);
    objects.push(object);
  }
  return objects;
}

for (const env of environments) {
  const objects = await load(path.join(builtDir, `${env}.yaml`));
  const where = `overlay ${env}`;
  for (const kind of EXPECTED_KINDS) {
    expect(
      objects.some(object => object.kind === kind),
      `${where} has no ${kind}`,
    );
  }
  for (const object of objects) {
    expect(
      object.metadata.namespace === name,
      `${where}: ${object.kind} ${object.metadata.name} is not in namespace ${name}`,
    );
    expect(
      object.metadata.labels?.['backstage.io/kubernetes-id'] === name,
      `${where}: ${object.kind} ${object.metadata.name} lacks backstage.io/kubernetes-id: ${name}`,
    );
  }
  for (const deployment of objects.filter(
    object => object.kind === 'Deployment',
  )) {
    checkDeployment(deployment, where);
  }
}

function checkDeployment(deployment, where) {
  const pod = deployment.spec.template;
  const labels = pod.metadata?.labels ?? {};
  expect(
    labels['app.kubernetes.io/name'] === name,
    `${where}: pods lack app.kubernetes.io/name: ${name}`,
  );
  expect(
    labels['backstage.io/kubernetes-id'] === name,
    `${where}: pods lack backstage.io/kubernetes-id: ${name}`,
  );
  expect(
    pod.spec.serviceAccountName === name,
    `${where}: pods do not run as the service account ${name}`,
  );
  expect(
    pod.spec.securityContext?.runAsNonRoot === true,
    `${where}: the pod's securityContext lacks runAsNonRoot`,
  );
  expect(
    pod.spec.securityContext?.seccompProfile?.type === 'RuntimeDefault',
    `${where}: the pod lacks the RuntimeDefault seccomp profile`,
  );
  for (const container of pod.spec.containers) {
    const at = `${where}: container ${container.name}`;
    const security = container.securityContext ?? {};
    expect(security.runAsNonRoot === true, `${at} lacks runAsNonRoot`);
    expect(
      Number.isInteger(security.runAsUser) && security.runAsUser > 0,
      `${at} lacks a non-root runAsUser`,
    );
    expect(
      security.readOnlyRootFilesystem === true,
      `${at} lacks readOnlyRootFilesystem`,
    );
    expect(
      security.allowPrivilegeEscalation === false,
      `${at} allows privilege escalation`,
    );
    expect(
      JSON.stringify(security.capabilities?.drop) === '["ALL"]',
      `${at} does not drop all capabilities`,
    );
    expect(
      security.seccompProfile?.type === 'RuntimeDefault',
      `${at} lacks the RuntimeDefault seccomp profile`,
    );
    expect(
      container.livenessProbe?.httpGet?.path === '/healthz',
      `${at}: the liveness probe is not /healthz`,
    );
    expect(
      container.readinessProbe?.httpGet?.path === '/readyz',
      `${at}: the readiness probe is not /readyz`,
    );
    for (const kind of ['requests', 'limits']) {
      expect(
        container.resources?.[kind]?.cpu && container.resources?.[kind]?.memory,
        `${at} lacks cpu and memory ${kind}`,
      );
    }
  }
}

// Only the environments the form chose get an overlay and an application.
for (const folder of ['deploy/overlays', 'deploy/argocd']) {
  const found = (await readdir(path.join(projectDir, folder))).sort();
  const wanted = [...environments].sort();
  expect(
    JSON.stringify(found) === JSON.stringify(wanted),
    `${folder} holds ${found.join(', ')}, expected ${wanted.join(', ')}`,
  );
}

for (const env of environments) {
  const file = path.join(projectDir, 'deploy/argocd', env, 'application.yaml');
  if (!existsSync(file)) {
    problems.push(
      `no Argo CD application for ${env} (deploy/argocd/${env}/application.yaml)`,
    );
    continue;
  }
  const [application] = await load(file);
  if (!application) continue;
  const where = `deploy/argocd/${env}/application.yaml`;
  expect(
    application.kind === 'Application' &&
      application.apiVersion === 'argoproj.io/v1alpha1',
    `${where} is not an Argo CD Application`,
  );
  expect(
    application.metadata.name === `${name}-${env}`,
    `${where} is named ${application.metadata.name}, expected ${name}-${env}`,
  );
  expect(
    application.spec?.source?.path === `deploy/overlays/${env}`,
    `${where} does not deploy deploy/overlays/${env}`,
  );
  expect(
    application.spec?.destination?.namespace === name,
    `${where} does not deploy to namespace ${name}`,
  );
}

await writeFile(
  coreOutput,
  core.map(object => stringify(object)).join('---\n'),
);
if (problems.length > 0) {
  console.error(problems.map(problem => `- ${problem}`).join('\n'));
  process.exit(1);
}
console.log(
  `${core.length} built-in objects for schema validation, ${customResources} custom resources checked here`,
);
