import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

/**
 * The entity `entityRef` names in the workspace's catalog-info file, as
 * `fetch:template` rendered it: a golden-path template provisions before it
 * registers, so the secrets backend learns the new service's owner and
 * data classification from it. Undefined when there is no such file or it
 * describes other entities (the backend then asks the catalog).
 */
export async function readCatalogEntity(
  workspacePath: string,
  catalogInfoPath: string,
  entityRef: string,
): Promise<Entity | undefined> {
  const path = resolveSafeChildPath(workspacePath, catalogInfoPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const wanted = entityRef.toLocaleLowerCase('en-US');
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      throw new InputError(
        `${catalogInfoPath} is not valid YAML: ${document.errors[0].message}`,
      );
    }
    const entity = document.toJS() as Entity | null;
    if (!entity?.kind || !entity.metadata?.name) continue;
    if (stringifyEntityRef(entity).toLocaleLowerCase('en-US') === wanted) {
      return entity;
    }
  }
  return undefined;
}
