import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** The files app-config.yaml loads into the local catalog. */
const CATALOG_FILES = [
  'examples/org.yaml',
  'examples/systems.yaml',
  'examples/components.yaml',
  'examples/apis.yaml',
  'examples/resources.yaml',
  'catalog-info.yaml',
  'templates/all.yaml',
  'templates/techdocs-site/template.yaml',
  'templates/node-service/template.yaml',
  'templates/python-service/template.yaml',
  'templates/go-service/template.yaml',
];

export interface ExampleEntity {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string };
  spec?: Record<string, unknown>;
}

/** Every entity the local configuration loads into the catalog. */
export function exampleEntities(): ExampleEntity[] {
  return CATALOG_FILES.flatMap(file =>
    parseAllDocuments(readFileSync(resolve(REPO_ROOT, file), 'utf8'))
      .map(doc => doc.toJS() as ExampleEntity)
      .filter(Boolean),
  );
}

/** Entity refs (`kind:namespace/name`, lower case) of every example entity. */
export function exampleEntityRefs(): string[] {
  return exampleEntities().map(e =>
    `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLocaleLowerCase('en-US'),
  );
}
