// Splits a rendered release: the ServiceMonitor is validated here against the
// prometheus-operator schema (@kubernetes-models/prometheus-operator, pinned in
// package-lock.json); every other object must be a built-in kind, written to
// <built-in.yaml> for kubernetes-validate.
//
//   node custom-resources.mjs <rendered.yaml> <built-in.yaml> <expected ServiceMonitors>

import { readFile, writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { loadObjects } from './objects.mjs';

const [input, output, expected] = process.argv.slice(2);
const objects = await loadObjects(await readFile(input, 'utf8'));
const builtIn = [];
const problems = [];
let monitors = 0;
for (const object of objects) {
  if (
    object.apiVersion === 'monitoring.coreos.com/v1' &&
    object.kind === 'ServiceMonitor'
  ) {
    monitors++;
    try {
      new ServiceMonitor(object).validate();
    } catch (error) {
      problems.push(
        `ServiceMonitor ${object.metadata?.name}: ${error.message}`,
      );
    }
  } else if (
    object.apiVersion?.includes('.') &&
    !object.apiVersion.includes('.k8s.io/')
  ) {
    problems.push(
      `${object.kind} ${object.apiVersion}: a custom resource this check has no schema for`,
    );
  } else {
    builtIn.push(object);
  }
}
if (monitors !== Number(expected)) {
  problems.push(`expected ${expected} ServiceMonitor(s), found ${monitors}`);
}
if (problems.length > 0) {
  console.error(problems.map(p => `- ${p}`).join('\n'));
  process.exit(1);
}
await writeFile(output, builtIn.map(o => `---\n${stringify(o)}`).join(''));
console.log(
  `${monitors} ServiceMonitor(s) valid against the prometheus-operator schema; ${builtIn.length} built-in objects written`,
);
