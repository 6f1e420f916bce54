// Runs the rendered OPA sidecar with the real opa binary and a bundle built
// from policies/, the way the pod would run it, and asks it what the backend
// asks (OPA_URL): health with bundles activated, the policy modules, and a
// decision. Only addresses change: loopback and free ports instead of the
// pod's, and the mounts under a scratch directory.
//
//   node opa-sidecar.mjs <rendered.yaml> <opa binary> <scratch dir>
//
// A bundle service (opa.bundle.service) is played by a loopback HTTP server
// that serves the bundle only with the bearer token from the Secret's
// environment variable, as a real one would.

import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { loadObjects } from './objects.mjs';

const [rendered, opa, scratch] = process.argv.slice(2);
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const objects = await loadObjects(await readFile(rendered, 'utf8'));
const deployment = objects.find(o => o.kind === 'Deployment');
const sidecar = deployment.spec.template.spec.initContainers?.find(
  c => c.name === 'opa',
);
if (!sidecar || sidecar.restartPolicy !== 'Always') {
  throw new Error(
    'no OPA sidecar (an init container with restartPolicy Always)',
  );
}
const backendEnv = deployment.spec.template.spec.containers[0].env;
const opaUrl = backendEnv.find(e => e.name === 'OPA_URL')?.value;
const decisionAddr = /^--addr=(127\.0\.0\.1):(\d+)$/;
if (
  !sidecar.args.some(a => decisionAddr.exec(a)?.[2] === new URL(opaUrl).port)
) {
  throw new Error(
    `the backend's OPA_URL ${opaUrl} is not the sidecar's loopback address`,
  );
}

const configMap = objects.find(
  o => o.kind === 'ConfigMap' && o.data?.['opa.yaml'] !== undefined,
);
const config = parse(configMap.data['opa.yaml']);
const bundle = join(scratch, 'bundle.tar.gz');
await mkdir(scratch, { recursive: true });
await promisify(execFile)(opa, [
  'build',
  join(root, 'policies'),
  '--ignore',
  '*_test.rego',
  '-o',
  bundle,
]);

const ports = { decision: await freePort(), diagnostic: await freePort() };
const env = { ...process.env };
let server;
if (config.services) {
  const token = 'deploy-check-bundle-token';
  const tokenEnv = sidecar.env?.find(e => e.valueFrom?.secretKeyRef)?.name;
  if (tokenEnv) env[tokenEnv] = token;
  const resource = `/${config.bundles.finops.resource.replace(/^\//, '')}`;
  server = createServer(async (req, res) => {
    const authorised =
      !tokenEnv || req.headers.authorization === `Bearer ${token}`;
    if (req.url !== resource || !authorised) {
      res.writeHead(authorised ? 404 : 401).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/gzip' })
      .end(await readFile(bundle));
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  config.services.bundles.url = `http://127.0.0.1:${server.address().port}`;
}

// The pod's mounts, under the scratch directory.
const mounted = path => join(scratch, path);
await mkdir(mounted('/opa/config'), { recursive: true });
await writeFile(mounted('/opa/config/opa.yaml'), stringify(config));
for (const mount of sidecar.volumeMounts ?? []) {
  if (mount.name === 'opa-bundle') {
    await mkdir(mounted(mount.mountPath), { recursive: true });
    await writeFile(
      join(mounted(mount.mountPath), 'bundle.tar.gz'),
      await readFile(bundle),
    );
  }
}
const args = sidecar.args.map(arg =>
  arg
    .replace(decisionAddr, `--addr=127.0.0.1:${ports.decision}`)
    .replace(
      /^--diagnostic-addr=.*$/,
      `--diagnostic-addr=127.0.0.1:${ports.diagnostic}`,
    )
    .replace(
      /^(--config-file=)?(\/opa\/.*)$/,
      (_, flag = '', path) => flag + mounted(path),
    ),
);

const child = spawn(opa, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', chunk => (stderr += chunk));
try {
  const health = `http://127.0.0.1:${ports.diagnostic}${sidecar.startupProbe.httpGet.path}`;
  await waitFor(health, 30_000);
  const base = `http://127.0.0.1:${ports.decision}`;
  const policies = await (await fetch(`${base}/v1/policies`)).json();
  const modules = policies.result.filter(p => !p.id.endsWith('_test.rego'));
  if (modules.length === 0) throw new Error('OPA serves no policy modules');
  const answer = await fetch(`${base}/v1/data/finops/catalog`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: {} }),
  });
  const { result } = await answer.json();
  if (typeof result?.allow !== 'boolean') {
    throw new Error(
      `finops.catalog gave no decision: ${JSON.stringify(result)?.slice(
        0,
        200,
      )}`,
    );
  }
  console.log(
    `opa ${args.join(' ').replaceAll(scratch, '.')}: healthy with bundles, ${
      modules.length
    } modules, finops.catalog answers${
      config.services ? ' (bundle from the service, with the bearer token)' : ''
    }`,
  );
} catch (error) {
  console.error(`${error.message}\n${stderr.slice(0, 1500)}`);
  process.exitCode = 1;
} finally {
  child.kill('SIGKILL');
  server?.closeAllConnections();
  server?.close();
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url).then(
      r => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (child.exitCode !== null)
      throw new Error(`opa exited with ${child.exitCode}`);
    if (Date.now() > deadline)
      throw new Error(`${url} answered ${status} for ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function freePort() {
  const probe = createServer();
  await new Promise(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise(resolve => probe.close(resolve));
  return port;
}
