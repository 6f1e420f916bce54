import { readFile } from 'node:fs/promises';
import { JsonObject, JsonValue } from '@backstage/types';
import YAML from 'yaml';
import { CliError } from '../../lib/CliError';

/** A template's parameter property, as much of JSON Schema as we read. */
interface PropertySchema {
  type?: string | string[];
  items?: PropertySchema;
  enum?: JsonValue[];
  default?: JsonValue;
}

interface StepSchema {
  properties?: Record<string, PropertySchema>;
  required?: string[];
  [keyword: string]: unknown;
}

/** What the scaffolder says a template takes (its parameter-schema). */
export interface ParameterSteps {
  steps: Array<{ title: string; schema: JsonObject }>;
}

/** Every property a template can take, wherever its schema declares it. */
export function templateProperties(
  steps: ParameterSteps['steps'],
): Map<string, PropertySchema> {
  const found = new Map<string, PropertySchema>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const schema = node as StepSchema;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!found.has(name)) found.set(name, property);
    }
    // Conditional fields (dependencies, if/then/else, oneOf, allOf) declare
    // properties that only appear with certain answers.
    for (const keyword of [
      'dependencies',
      'allOf',
      'anyOf',
      'oneOf',
      'if',
      'then',
      'else',
    ]) {
      const nested = schema[keyword];
      if (keyword === 'dependencies' && nested && typeof nested === 'object') {
        Object.values(nested).forEach(visit);
      } else {
        visit(nested);
      }
    }
  };
  steps.forEach(step => visit(step.schema));
  return found;
}

/** The values file: a YAML (or JSON) mapping of parameter names to values. */
export async function readValuesFile(path: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw CliError.usage(
      `Cannot read --values ${path}: ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }`,
    );
  }
  let parsed: unknown;
  try {
    parsed = YAML.parse(text);
  } catch (error) {
    throw CliError.usage(
      `--values ${path} is not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw CliError.usage(
      `--values ${path} must be a mapping of parameter names to values`,
    );
  }
  return parsed as JsonObject;
}

/**
 * `--set name=value`, typed by the template's schema: booleans, numbers,
 * lists (`a,b` or `[a, b]`) and objects (YAML or JSON) become what the
 * template expects, and strings stay strings (`--set name=007` is "007").
 */
export function parseSetValue(
  assignment: string,
  properties: Map<string, PropertySchema>,
): [string, JsonValue] {
  const at = assignment.indexOf('=');
  if (at <= 0) {
    throw CliError.usage(`--set ${assignment}: write it as name=value`);
  }
  const name = assignment.slice(0, at).trim();
  const raw = assignment.slice(at + 1);
  const property = properties.get(name);
  if (!property) {
    throw CliError.usage(
      `The template has no parameter "${name}"; it takes: ${[
        ...properties.keys(),
      ].join(', ')}`,
    );
  }
  return [name, coerce(name, raw, property)];
}

function typeOf(property: PropertySchema): string | undefined {
  const types = Array.isArray(property.type) ? property.type : [property.type];
  return types.find(t => t && t !== 'null');
}

function coerce(
  name: string,
  raw: string,
  property: PropertySchema,
): JsonValue {
  switch (typeOf(property)) {
    case 'boolean': {
      const lower = raw.trim().toLocaleLowerCase('en-US');
      if (['true', 'yes', '1'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      throw CliError.usage(
        `--set ${name}: expected true or false, got "${raw}"`,
      );
    }
    case 'integer':
    case 'number': {
      const number = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(number)) {
        throw CliError.usage(`--set ${name}: expected a number, got "${raw}"`);
      }
      if (typeOf(property) === 'integer' && !Number.isInteger(number)) {
        throw CliError.usage(
          `--set ${name}: expected a whole number, got "${raw}"`,
        );
      }
      return number;
    }
    case 'array': {
      if (raw.trim().startsWith('['))
        return parseStructured(name, raw, 'array');
      const items = raw.trim() === '' ? [] : raw.split(',').map(s => s.trim());
      return property.items
        ? items.map(item => coerce(name, item, property.items!))
        : items;
    }
    case 'object':
      return parseStructured(name, raw, 'object');
    default:
      return raw;
  }
}

function parseStructured(
  name: string,
  raw: string,
  expected: 'array' | 'object',
): JsonValue {
  let value: unknown;
  try {
    value = YAML.parse(raw);
  } catch (error) {
    throw CliError.usage(
      `--set ${name}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const isArray = Array.isArray(value);
  if (
    (expected === 'array' && !isArray) ||
    (expected === 'object' && (isArray || typeof value !== 'object' || !value))
  ) {
    throw CliError.usage(
      `--set ${name}: expected ${
        expected === 'array' ? 'a list' : 'a mapping'
      }`,
    );
  }
  return value as JsonValue;
}

/**
 * The values the task starts with: the file's, overridden by each --set;
 * refuses unknown names and lists the required parameters still missing.
 */
export function buildTemplateValues(options: {
  schema: ParameterSteps;
  fileValues: JsonObject;
  assignments: string[];
}): Record<string, JsonValue> {
  const properties = templateProperties(options.schema.steps);
  const values: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(options.fileValues)) {
    if (value !== undefined) values[name] = value;
  }
  for (const name of Object.keys(options.fileValues)) {
    if (!properties.has(name)) {
      throw CliError.usage(
        `The template has no parameter "${name}" (from --values); it takes: ${[
          ...properties.keys(),
        ].join(', ')}`,
      );
    }
  }
  for (const assignment of options.assignments) {
    const [name, value] = parseSetValue(assignment, properties);
    values[name] = value;
  }
  // What the form would fill in: each step's own defaults, for what was
  // not given (the scaffolder backend does not apply them).
  for (const step of options.schema.steps) {
    const stepProperties = (step.schema as StepSchema).properties ?? {};
    for (const [name, property] of Object.entries(stepProperties)) {
      if (values[name] === undefined && property.default !== undefined) {
        values[name] = property.default;
      }
    }
  }
  const missing = options.schema.steps
    .flatMap(step => ((step.schema as StepSchema).required ?? []) as string[])
    .filter(name => values[name] === undefined || values[name] === '');
  if (missing.length > 0) {
    throw CliError.usage(
      `Missing required parameters: ${missing.join(', ')} (pass --set ${
        missing[0]
      }=... or --values file.yaml)`,
    );
  }
  return values;
}
