import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { readFile } from 'node:fs/promises';
import YAML, { LineCounter } from 'yaml';
import { CliError } from '../../lib/CliError';

/** One YAML document of a catalog file, checked the way the catalog does. */
export interface CatalogDocument {
  /** 1-based position in the file. */
  index: number;
  /** Line the document starts on. */
  line: number;
  entity?: Entity;
  entityRef?: string;
  /** Why the catalog would not accept it as an entity. */
  errors: string[];
}

/** The entity policies the catalog applies by default, in its order. */
const ENTITY_POLICIES = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/** The kinds this portal's catalog knows (built-in ones and Template). */
const KIND_VALIDATORS: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

/**
 * Reads a catalog-info.yaml (one or more YAML documents). A file that cannot
 * be read or is not YAML is a usage error naming the line; documents that
 * are not valid entities come back with their errors.
 */
export async function readCatalogFile(
  path: string,
): Promise<CatalogDocument[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw CliError.usage(
      code === 'ENOENT' ? `No file ${path}` : `Cannot read ${path}: ${code}`,
    );
  }
  const lineCounter = new LineCounter();
  const documents = YAML.parseAllDocuments(text, { lineCounter });
  const parsed = Array.isArray(documents) ? documents : [documents];
  for (const document of parsed) {
    const [problem] = document.errors;
    if (problem) {
      const { line, col } = lineCounter.linePos(problem.pos[0]);
      throw CliError.usage(
        `${path}:${line}:${col}: not valid YAML: ${
          problem.message.split('\n')[0]
        }`,
      );
    }
  }
  const withContent = parsed
    .map((document, i) => ({
      index: i + 1,
      // Where the entity starts, after any `---` and comments.
      line: lineCounter.linePos(
        document.contents?.range[0] ?? document.range[0],
      ).line,
      value: document.toJS() as unknown,
    }))
    .filter(d => d.value !== null && d.value !== undefined);
  if (withContent.length === 0) {
    throw CliError.usage(`${path} holds no entities`);
  }
  return Promise.all(
    withContent.map(async d => ({
      index: d.index,
      line: d.line,
      ...(await validateEntity(d.value)),
    })),
  );
}

/** Backstage's entity validation: envelope, policies, then the kind's schema. */
export async function validateEntity(
  value: unknown,
): Promise<Pick<CatalogDocument, 'entity' | 'entityRef' | 'errors'>> {
  if (typeof value !== 'object' || Array.isArray(value) || !value) {
    return {
      errors: ['not a mapping: an entity has apiVersion, kind, metadata'],
    };
  }
  let entity: Entity;
  try {
    entity = (await ENTITY_POLICIES.enforce(value as Entity)) as Entity;
  } catch (error) {
    return { errors: [withoutDocsLink(error)] };
  }
  const entityRef = stringifyEntityRef(entity);
  for (const validator of KIND_VALIDATORS) {
    try {
      if (await validator.check(entity))
        return { entity, entityRef, errors: [] };
    } catch (error) {
      return { entity, entityRef, errors: [withoutDocsLink(error)] };
    }
  }
  return {
    entity,
    entityRef,
    errors: [
      `unknown kind ${entity.kind} (${entity.apiVersion}): the catalog accepts API, Component, Domain, Group, Location, Resource, System, Template and User`,
    ],
  };
}

/** Backstage's messages end with a link to the file format ADR; not here. */
function withoutDocsLink(error: unknown): string {
  return (error as Error).message
    .replace(/\s*To learn more about catalog file format, visit: \S+\s*$/, '')
    .trim();
}
