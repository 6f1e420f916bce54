// Renders a golden-path template's skeleton the way the scaffolder does when
// a user runs it, so that scripts/lib/templates-check.sh can build and test
// what users would get:
//
//   node render.mjs <template dir> <output dir> <parameters JSON> <values file>
//
// 1. The parameters are checked against the template form's JSON Schema
//    (with the form's defaults filled in, as the form does).
// 2. The `fetch:template` step's input is rendered as NunjucksWorkflowRunner
//    renders step input: every string through nunjitsu's renderValue with
//    JSON coercion, in a context of `parameters`.
// 3. The skeleton is rendered as fetch:template renders it
//    (templateActionHandler in @backstage/plugin-scaffolder-backend): paths
//    and then contents of every file and directory, dot files included;
//    entries whose path renders empty, absolute or with `//` are skipped;
//    binary files are copied. The renderer is nunjitsu, the engine
//    fetch:template uses since Backstage moved off nunjucks' SecureTemplater,
//    with the same options: `${{ }}` variables, `{% %}` blocks, `{# #}`
//    comments, no autoescape, regular expressions allowed, no trimBlocks or
//    lstripBlocks unless the step asks, and the default filters
//    (parseRepoUrl, parseEntityRef, pick, projectSlug).
//
// Where the scaffolder would pass a template error through silently (a step
// input that fails to render stays as written), this fails instead: in a
// check, a template that cannot render is a bug.

import {
  copyFile,
  lstat,
  mkdir,
  readFile,
  readdir,
  writeFile,
} from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { createTemplateRenderer } from 'nunjitsu';
import { parse as parseYaml } from 'yaml';
import { templateFilters } from './filters.mjs';

const [templateDir, outputDir, parametersJson, valuesFile] =
  process.argv.slice(2);
if (!templateDir || !outputDir || !parametersJson || !valuesFile) {
  console.error(
    'usage: node render.mjs <template dir> <output dir> <parameters JSON> <values file>',
  );
  process.exit(2);
}

const template = parseYaml(
  await readFile(path.join(templateDir, 'template.yaml'), 'utf8'),
);
if (
  template?.apiVersion !== 'scaffolder.backstage.io/v1beta3' ||
  template?.kind !== 'Template'
) {
  fail(
    `${templateDir}/template.yaml is not a scaffolder.backstage.io/v1beta3 Template`,
  );
}

const parameters = formValues(
  template.spec.parameters,
  JSON.parse(parametersJson),
);

const fetchSteps = template.spec.steps.filter(
  step => step.action === 'fetch:template',
);
if (fetchSteps.length !== 1) {
  fail(`expected one fetch:template step, found ${fetchSteps.length}`);
}
const renderer = createTemplateRenderer({
  allowRegexExecution: true,
  filters: templateFilters,
});
const input = renderStepInput(fetchSteps[0].input, { parameters, steps: {} });
if (
  input.copyWithoutTemplating ||
  input.copyWithoutRender ||
  input.templateFileExtension
) {
  fail(
    'copyWithoutTemplating, copyWithoutRender and templateFileExtension are not mirrored by this renderer',
  );
}
if (input.url !== './skeleton')
  fail(`fetch:template url is ${input.url}, expected ./skeleton`);
// What the service records about its template must match the template.
const templateRef = `template:default/${template.metadata.name}`;
const templateVersion =
  template.metadata.annotations?.['finops.io/template-version'];
if (input.values?.templateRef !== templateRef) {
  fail(
    `values.templateRef is ${input.values?.templateRef}, expected ${templateRef}`,
  );
}
if (input.values?.templateVersion !== templateVersion) {
  fail(
    `values.templateVersion is ${input.values?.templateVersion}, the template's finops.io/template-version is ${templateVersion}`,
  );
}

const skeletonRenderer = createTemplateRenderer({
  allowRegexExecution: true,
  filters: templateFilters,
  trimBlocks: input.trimBlocks,
  lstripBlocks: input.lstripBlocks,
});
const context = skeletonRenderer.prepareContext({ values: input.values ?? {} });
const skeleton = path.join(templateDir, 'skeleton');
let written = 0;
for (const location of await entries(skeleton)) {
  const target = render(skeletonRenderer, location, context, location);
  if (target === '' || target.startsWith('/') || target.includes('//'))
    continue;
  const output = path.join(outputDir, target);
  if (!path.resolve(output).startsWith(path.resolve(outputDir) + path.sep)) {
    fail(`${location} renders to ${target}, outside the output directory`);
  }
  if (existsSync(output)) continue;
  if (location.endsWith('/')) {
    await mkdir(output, { recursive: true });
    continue;
  }
  const source = path.join(skeleton, location);
  const stats = await lstat(source);
  await mkdir(path.dirname(output), { recursive: true });
  const bytes = await readFile(source);
  if (stats.isSymbolicLink() || bytes.subarray(0, 8000).includes(0)) {
    await copyFile(source, output);
  } else {
    const text = render(
      skeletonRenderer,
      bytes.toString('utf8'),
      context,
      location,
    );
    await writeFile(output, text, { mode: stats.mode });
  }
  written += 1;
}

await writeFile(valuesFile, `${JSON.stringify(input.values, null, 2)}\n`);
console.log(`${written} files`);

/** The form's values as the task receives them: defaults filled in, schema checked. */
function formValues(pages, supplied) {
  const values = structuredClone(supplied);
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
  for (const page of Array.isArray(pages) ? pages : [pages]) {
    const schema = withoutUiKeys(page);
    delete schema.title;
    const validate = ajv.compile({ type: 'object', ...schema });
    if (!validate(values)) {
      fail(
        `the sample parameters do not pass the form page "${
          page.title
        }": ${ajv.errorsText(validate.errors)}`,
      );
    }
  }
  return values;
}

function withoutUiKeys(value) {
  if (Array.isArray(value)) return value.map(withoutUiKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('ui:'))
      .map(([key, nested]) => [key, withoutUiKeys(nested)]),
  );
}

/** NunjucksWorkflowRunner.render: each string rendered to a value. */
function renderStepInput(stepInput, context) {
  const prepared = renderer.prepareContext(context);
  return JSON.parse(JSON.stringify(stepInput), (_key, value) => {
    if (typeof value !== 'string') return value;
    try {
      return renderer.renderValue(value, prepared, { coercion: 'json' });
    } catch (error) {
      return fail(
        `step input ${JSON.stringify(value)} does not render: ${error.message}`,
      );
    }
  });
}

function render(engine, source, prepared, location) {
  try {
    return engine.render(source, prepared);
  } catch (error) {
    return fail(`${location}: ${error.message}`);
  }
}

/** Every file and directory below root, directories with a trailing slash. */
async function entries(root) {
  const found = [];
  for (const entry of await readdir(root, {
    recursive: true,
    withFileTypes: true,
  })) {
    const relative = path.relative(
      root,
      path.join(entry.parentPath, entry.name),
    );
    found.push(entry.isDirectory() ? `${relative}/` : relative);
  }
  return found.sort();
}

function fail(message) {
  console.error(`render: ${message}`);
  process.exit(1);
}
