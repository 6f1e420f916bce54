// What the chart assumes about the rest of the repository, checked against it:
//
//   node repo-consistency.mjs <repository root>
//
// - the Dockerfile's final stage runs as a non-root user (the pods run as
//   uid 1000, the node image's `node` user) on a Node base image pinned to a
//   version, the major of the Node the test command uses;
// - the chart's args are the image's CMD plus the chart's configuration file;
// - database.plugins counts at least every backend plugin the backend adds
//   (each opens its own connection pool);
// - the OPA sidecar runs the OPA release that tests the policies.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = process.argv[2];
const read = path => readFile(join(root, path), 'utf8');
const problems = [];
const notes = [];
const values = parse(await read('deploy/finops-platform/values.yaml'));
const CHART_CONFIG = ['--config', '/app/config/app-config.kubernetes.yaml'];

const dockerfile = parseDockerfile(await read('Dockerfile'));
const final = dockerfile.stages.at(-1);

const user = final.user ?? 'root';
if (/^(root|0)(:.*)?$/.test(user)) {
  problems.push(`the Dockerfile's final stage runs as ${user}`);
} else if (!/^(node|1000)(:(node|1000))?$/.test(user)) {
  problems.push(
    `the final stage runs as ${user}; the chart runs the pods as uid 1000 (node)`,
  );
}

const [reference, digest] = final.image.split('@');
const tag = /:([^/:]+)$/.exec(reference)?.[1];
const bootstrap = await read('scripts/bootstrap.sh');
const nodeVersion = /FINOPS_NODE_VERSION="([\d.]+)"/.exec(bootstrap)?.[1];
if (!tag || tag === 'latest') {
  problems.push(
    `the final stage's base ${final.image} is not pinned to a version`,
  );
} else if (
  reference.startsWith('node:') &&
  tag.split(/[.-]/)[0] !== nodeVersion?.split('.')[0]
) {
  problems.push(
    `the base ${final.image} is not Node ${
      nodeVersion?.split('.')[0]
    }, which the test command uses (scripts/bootstrap.sh)`,
  );
}
if (!digest) {
  notes.push(
    `the base ${final.image} is pinned by tag only; pin it by digest (@sha256:...) for reproducible images`,
  );
}

const expectedArgs = [...(final.cmd ?? []), ...CHART_CONFIG];
if (JSON.stringify(values.args) !== JSON.stringify(expectedArgs)) {
  problems.push(
    `values.yaml args ${JSON.stringify(
      values.args,
    )} are not the Dockerfile's CMD plus the chart's configuration: ${JSON.stringify(
      expectedArgs,
    )}`,
  );
}

const index = await read('packages/backend/src/index.ts');
const plugins = [
  ...index.matchAll(/backend\.add\(\s*import\(\s*'([^']+)'\s*\)/g),
]
  .map(m => m[1])
  .filter(name => !/-module-/.test(name));
if (values.database.plugins < plugins.length) {
  problems.push(
    `database.plugins is ${values.database.plugins}, but the backend adds ${plugins.length} plugins, each with its own pool`,
  );
}

const goMod = await read('tools/opa/go.mod');
const opaVersion = /open-policy-agent\/opa v([\d.]+)/.exec(goMod)?.[1];
if (/^(\d+\.\d+\.\d+)(-|$)/.exec(values.opa.image.tag)?.[1] !== opaVersion) {
  problems.push(
    `the OPA sidecar is ${values.opa.image.tag}; the policies are tested with OPA ${opaVersion} (tools/opa/go.mod)`,
  );
}

for (const note of notes) console.log(`note: ${note}`);
if (problems.length > 0) {
  console.error(problems.map(p => `- ${p}`).join('\n'));
  process.exit(1);
}
console.log(
  `final stage runs as ${user} on ${final.image}; args = CMD + chart config; ${plugins.length} plugins <= database.plugins ${values.database.plugins}; OPA ${opaVersion}`,
);

/** Stages with their resolved base image, last USER and CMD (exec form). */
function parseDockerfile(text) {
  const args = {};
  const stages = [];
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  for (const line of lines) {
    const [, instruction, rest] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    switch (instruction?.toUpperCase()) {
      case 'ARG': {
        const [, name, value] =
          /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(rest) ?? [];
        if (name && stages.length === 0)
          args[name] = value?.replace(/^"|"$/g, '') ?? '';
        break;
      }
      case 'FROM': {
        const image = rest
          .split(/\s+/)
          .filter(word => !word.startsWith('--'))[0]
          .replace(
            /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
            (_, name) => args[name] ?? '',
          );
        stages.push({ image });
        break;
      }
      case 'USER':
        stages.at(-1).user = rest.trim();
        break;
      case 'CMD':
        stages.at(-1).cmd = JSON.parse(rest);
        break;
      default:
    }
  }
  return { stages };
}
