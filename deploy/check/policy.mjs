// The production properties of a rendered finops-platform release:
//
//   node policy.mjs <rendered.yaml>
//
// Prints one line per broken property, prefixed with its rule id (the
// negative tests of scripts/lib/deploy-check.sh look for the ids), and exits
// 1 when any is broken. Works on any rendering: the chart's defaults, a
// site's values file, or a changed template.

import { readFile } from 'node:fs/promises';
import { loadObjects } from './objects.mjs';

const READINESS = '/.backstage/health/v1/readiness';
const LIVENESS = '/.backstage/health/v1/liveness';
/** The image's `node` user. */
const NODE_UID = 1000;
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIAL/i;
/** app-config keys that hold credentials (Backstage marks them @visibility secret). */
const SECRET_CONFIG_KEY =
  /^(password|secret|token|clientSecret|privateKey|webhookSecret|apiKey)$/i;
const ENV_REFERENCE = /^\$\{[A-Z0-9_]+\}$/;

const problems = [];
const fail = (rule, message) => problems.push(`${rule}: ${message}`);

const objects = await loadObjects(await readFile(process.argv[2], 'utf8'));
const ofKind = kind => objects.filter(o => o.kind === kind);

const deployments = ofKind('Deployment');
if (deployments.length !== 1) {
  fail('workload', `expected one Deployment, found ${deployments.length}`);
  report();
}
const deployment = deployments[0];
const pod = deployment.spec.template.spec;
const podLabels = deployment.spec.template.metadata?.labels ?? {};
const containers = pod.containers ?? [];
const allContainers = [...(pod.initContainers ?? []), ...containers];
const backend = containers.find(c =>
  (c.ports ?? []).some(p => p.containerPort === 7007),
);

const selects = selector =>
  !!selector?.matchLabels &&
  Object.keys(selector.matchLabels).length > 0 &&
  Object.entries(selector.matchLabels).every(([k, v]) => podLabels[k] === v);

checkReplicas();
checkProbes();
checkPodSecurity();
checkContainers();
checkSecrets();
checkNetworkPolicy();
checkSpread();
checkMonitoring();
checkRollout();
report();

function minReplicas() {
  const hpa = ofKind('HorizontalPodAutoscaler').find(
    h => h.spec?.scaleTargetRef?.name === deployment.metadata.name,
  );
  if (!hpa) return deployment.spec.replicas ?? 1;
  if (hpa.apiVersion !== 'autoscaling/v2') {
    fail(
      'hpa',
      `HorizontalPodAutoscaler must be autoscaling/v2, is ${hpa.apiVersion}`,
    );
  }
  if (deployment.spec.replicas !== undefined) {
    fail(
      'hpa',
      'the Deployment sets replicas although an HPA scales it (every upgrade would reset the scale)',
    );
  }
  if (!(hpa.spec.maxReplicas >= hpa.spec.minReplicas)) {
    fail('hpa', 'maxReplicas is below minReplicas');
  }
  return hpa.spec.minReplicas ?? 1;
}

function checkReplicas() {
  const min = minReplicas();
  if (!(min >= 2)) fail('replicas', `at least 2 replicas always, found ${min}`);
  const pdbs = ofKind('PodDisruptionBudget').filter(p =>
    selects(p.spec?.selector),
  );
  if (pdbs.length === 0) {
    fail('pdb', 'no PodDisruptionBudget selects the pods');
    return;
  }
  for (const pdb of pdbs) {
    const value = pdb.spec.minAvailable;
    if (typeof value !== 'number' || value < 1) {
      fail(
        'pdb',
        `minAvailable must be a number of at least 1, is ${JSON.stringify(
          value,
        )}`,
      );
    } else if (value >= min) {
      fail(
        'pdb',
        `minAvailable ${value} leaves no disruption allowed with ${min} replicas (node drains would hang)`,
      );
    }
  }
}

function checkProbes() {
  if (!backend) {
    fail('probes', 'no container serves port 7007');
    return;
  }
  const httpPort = port =>
    port === 7007 ||
    backend.ports.some(p => p.name === port && p.containerPort === 7007);
  const expect = (probe, path) => {
    const get = backend[probe]?.httpGet;
    if (!get || get.path !== path || !httpPort(get.port)) {
      fail(
        'probes',
        `${probe} must GET ${path} on port 7007, is ${JSON.stringify(
          backend[probe] ?? null,
        )}`,
      );
    }
  };
  expect('readinessProbe', READINESS);
  expect('livenessProbe', LIVENESS);
  if (!backend.startupProbe?.httpGet) {
    fail('probes', 'a startupProbe must cover the migrations at startup');
  }
}

function checkPodSecurity() {
  const sc = pod.securityContext ?? {};
  if (sc.runAsNonRoot !== true)
    fail('pod-security', 'securityContext.runAsNonRoot must be true');
  if (sc.runAsUser !== NODE_UID) {
    fail(
      'pod-security',
      `runAsUser must be ${NODE_UID} (the image's node user), is ${sc.runAsUser}`,
    );
  }
  if (sc.seccompProfile?.type !== 'RuntimeDefault') {
    fail('pod-security', 'seccompProfile.type must be RuntimeDefault');
  }
  if (pod.automountServiceAccountToken !== false) {
    fail(
      'pod-security',
      'automountServiceAccountToken must be false (no API credentials in the pod)',
    );
  }
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[field]) fail('pod-security', `${field} must not be set`);
  }
  for (const volume of pod.volumes ?? []) {
    if (volume.hostPath)
      fail('pod-security', `volume ${volume.name} mounts a host path`);
  }
}

function checkContainers() {
  for (const c of allContainers) {
    const sc = c.securityContext ?? {};
    const name = `container ${c.name}`;
    if (sc.allowPrivilegeEscalation !== false) {
      fail(
        'container-security',
        `${name}: allowPrivilegeEscalation must be false`,
      );
    }
    if (sc.privileged) fail('container-security', `${name}: privileged`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) {
      fail('container-security', `${name}: capabilities must drop ALL`);
    }
    if ((sc.capabilities?.add ?? []).length > 0) {
      fail('container-security', `${name}: adds capabilities`);
    }
    if (sc.readOnlyRootFilesystem !== true) {
      fail(
        'container-security',
        `${name}: readOnlyRootFilesystem must be true`,
      );
    }
    if (sc.runAsNonRoot === false || sc.runAsUser === 0) {
      fail('container-security', `${name}: runs as root`);
    }
    const r = c.resources ?? {};
    if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory) {
      fail(
        'resources',
        `${name}: needs requests.cpu, requests.memory and limits.memory`,
      );
    }
    const [, tag] = /:([^:/@]+)$/.exec(c.image.split('@')[0]) ?? [];
    if (!c.image.includes('@sha256:') && (!tag || tag === 'latest')) {
      fail('image', `${name}: ${c.image} needs a version tag or a digest`);
    }
  }
}

function checkSecrets() {
  for (const secret of ofKind('Secret')) {
    if (secret.data || secret.stringData) {
      fail(
        'inline-secret',
        `Secret ${secret.metadata.name} carries values in the chart; reference an existing Secret`,
      );
    }
  }
  for (const c of allContainers) {
    for (const env of c.env ?? []) {
      if (SECRET_NAME.test(env.name) && env.value !== undefined) {
        fail(
          'inline-secret',
          `container ${c.name}: ${env.name} has an inline value; use secretKeyRef or the Secret`,
        );
      }
    }
  }
  if (backend && !(backend.envFrom ?? []).some(e => e.secretRef?.name)) {
    fail(
      'inline-secret',
      'the backend takes no environment from a Secret (envFrom.secretRef)',
    );
  }
  for (const map of ofKind('ConfigMap')) {
    for (const [key, text] of Object.entries(map.data ?? {})) {
      if (/\.ya?ml$/.test(key))
        findSecretValues(map.metadata.name, key, objectsOf(text));
    }
  }
}

function objectsOf(text) {
  try {
    return JSON.parse(JSON.stringify(loadObjects.parse(text)));
  } catch {
    return undefined;
  }
}

function findSecretValues(map, key, value, path = []) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (
        SECRET_CONFIG_KEY.test(k) &&
        typeof v === 'string' &&
        !ENV_REFERENCE.test(v.trim())
      ) {
        fail(
          'inline-secret',
          `ConfigMap ${map} ${key}: ${[...path, k].join(
            '.',
          )} is a literal; write \${VARIABLE} and put the value in the Secret`,
        );
      } else {
        findSecretValues(map, key, v, [...path, k]);
      }
    }
  }
}

function checkNetworkPolicy() {
  const policies = ofKind('NetworkPolicy').filter(p =>
    selects(p.spec?.podSelector),
  );
  if (policies.length === 0) {
    fail('network-policy', 'no NetworkPolicy selects the pods');
    return;
  }
  for (const policy of policies) {
    const types = policy.spec.policyTypes ?? [];
    if (!types.includes('Ingress') || !types.includes('Egress')) {
      fail(
        'network-policy',
        `${policy.metadata.name}: policyTypes must include Ingress and Egress`,
      );
    }
    for (const rule of policy.spec.ingress ?? []) {
      if (!rule.from?.length || !rule.ports?.length) {
        fail(
          'network-policy',
          `${policy.metadata.name}: an ingress rule admits every source or every port`,
        );
      }
      for (const peer of rule.from ?? []) {
        if (
          peer.ipBlock ||
          (peer.namespaceSelector &&
            !Object.keys(peer.namespaceSelector).length)
        ) {
          fail(
            'network-policy',
            `${policy.metadata.name}: ingress from ${JSON.stringify(
              peer,
            )} is not one namespace`,
          );
        }
      }
    }
    const egressPorts = (policy.spec.egress ?? []).flatMap(r => r.ports ?? []);
    if (!egressPorts.some(p => p.port === 53)) {
      fail('network-policy', `${policy.metadata.name}: egress has no DNS rule`);
    }
    if ((policy.spec.egress ?? []).some(r => !r.ports?.length)) {
      fail(
        'network-policy',
        `${policy.metadata.name}: an egress rule allows every port`,
      );
    }
  }
}

function checkSpread() {
  const spread = (pod.topologySpreadConstraints ?? []).some(
    t => t.topologyKey === 'kubernetes.io/hostname' && selects(t.labelSelector),
  );
  const anti = [
    ...(pod.affinity?.podAntiAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(
      pod.affinity?.podAntiAffinity
        ?.preferredDuringSchedulingIgnoredDuringExecution ?? []
    ).map(p => p.podAffinityTerm),
  ].some(
    t => t.topologyKey === 'kubernetes.io/hostname' && selects(t.labelSelector),
  );
  if (!spread && !anti) {
    fail(
      'spread',
      'replicas are not spread across nodes (topologySpreadConstraints or podAntiAffinity on kubernetes.io/hostname)',
    );
  }
}

function checkMonitoring() {
  const metricsPort = backend?.ports?.find(p => p.name === 'metrics');
  if (!metricsPort)
    fail('metrics', 'the backend has no container port named metrics');
  const services = ofKind('Service').filter(s =>
    selects({ matchLabels: s.spec?.selector }),
  );
  for (const monitor of ofKind('ServiceMonitor')) {
    const service = services.find(s =>
      Object.entries(monitor.spec.selector?.matchLabels ?? {}).every(
        ([k, v]) => s.metadata.labels?.[k] === v,
      ),
    );
    if (!service) {
      fail(
        'metrics',
        `ServiceMonitor ${monitor.metadata.name} selects no Service of the pods`,
      );
      continue;
    }
    for (const endpoint of monitor.spec.endpoints ?? []) {
      const port = service.spec.ports.find(p => p.name === endpoint.port);
      if (!port || port.targetPort !== 'metrics') {
        fail(
          'metrics',
          `ServiceMonitor endpoint port ${endpoint.port} is not the Service's metrics port`,
        );
      }
    }
  }
}

function checkRollout() {
  const annotations = deployment.spec.template.metadata?.annotations ?? {};
  if (!/^[0-9a-f]{64}$/.test(annotations['checksum/config'] ?? '')) {
    fail(
      'rollout',
      'the pod template has no checksum/config annotation (a configuration change would not roll the pods)',
    );
  }
  const strategy = deployment.spec.strategy?.rollingUpdate ?? {};
  if (strategy.maxUnavailable !== 0) {
    fail(
      'rollout',
      'rollingUpdate.maxUnavailable must be 0: start a new pod before stopping an old one',
    );
  }
  const connections =
    /^(\d+) pods x \((\d+) plugins x (\d+) \+ 2\) = (\d+) of (\d+)$/.exec(
      deployment.metadata.annotations?.['finops.dev/database-connections'] ??
        '',
    );
  if (!connections) {
    fail(
      'database',
      'the Deployment does not state its PostgreSQL connections',
    );
  } else {
    const [pods, plugins, pool, total, budget] = connections
      .slice(1)
      .map(Number);
    if (pods * (plugins * pool + 2) !== total || total > budget) {
      fail('database', `${connections[0]} does not add up or is over budget`);
    }
  }
}

function report() {
  if (problems.length > 0) {
    console.error(problems.map(p => `- ${p}`).join('\n'));
    process.exit(1);
  }
  console.log(
    `${objects.length} objects: replicas, probes, pod and container security, resources, secrets, network policy, spread, metrics and rollout hold`,
  );
  process.exit(0);
}
