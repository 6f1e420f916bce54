// The chart's app-config file as the backend reads it: layered after the
// image's app-config.yaml and app-config.production.yaml, and read with
// @backstage/config (the repository's own, from its root node_modules), the
// way the backend reads these keys.
//
//   node app-config.mjs <rendered.yaml> <repository root>
//
// Checks that the pool of every plugin and the shutdown delay arrive as the
// values asked, that the Deployment's connection arithmetic used that pool,
// and that the policy plugin still takes its OPA server from OPA_URL, which
// the chart sets.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { loadObjects } from './objects.mjs';

const [rendered, root] = process.argv.slice(2);
const objects = await loadObjects(await readFile(rendered, 'utf8'));
const map = objects.find(
  o => o.kind === 'ConfigMap' && o.data?.['app-config.kubernetes.yaml'],
);
const deployment = objects.find(o => o.kind === 'Deployment');
const layers = [
  ...['app-config.yaml', 'app-config.production.yaml'].map(async file => ({
    context: file,
    data: parse(await readFile(join(root, file), 'utf8')),
  })),
  { context: 'chart', data: parse(map.data['app-config.kubernetes.yaml']) },
];
const config = ConfigReader.fromConfigs(await Promise.all(layers));

const problems = [];
const pool = config.getConfig('backend.database.knexConfig.pool');
const max = pool.getNumber('max');
const connections = /x \((\d+) plugins x (\d+) \+ 2\)/.exec(
  deployment.metadata.annotations['finops.dev/database-connections'],
);
if (Number(connections?.[2]) !== max) {
  problems.push(
    `the backend's pool.max is ${max}; the connection arithmetic used ${connections?.[2]}`,
  );
}
const delay = readDurationFromConfig(config, {
  key: 'backend.lifecycle.serverShutdownDelay',
});
if (
  config.getString('policy.evaluator') !== 'server' ||
  config.getString('policy.opa.baseUrl') !== '${OPA_URL}'
) {
  problems.push(
    'policy.opa.baseUrl no longer comes from OPA_URL, which the chart sets',
  );
}
const opaUrl = deployment.spec.template.spec.containers[0].env.find(
  e => e.name === 'OPA_URL',
);
if (!opaUrl?.value) problems.push('the backend has no OPA_URL');

if (problems.length > 0) {
  console.error(problems.map(p => `- ${p}`).join('\n'));
  process.exit(1);
}
console.log(
  `pool per plugin ${
    pool.getOptionalNumber('min') ?? 0
  }..${max}, serverShutdownDelay ${JSON.stringify(delay)}, OPA at ${
    opaUrl.value
  }`,
);
