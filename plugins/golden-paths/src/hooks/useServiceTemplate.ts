import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sourceTemplateRef } from '../annotations';
import {
  type GoldenPathTemplate,
  TEMPLATE_FIELDS,
  toGoldenPathTemplate,
} from '../goldenPaths';

/**
 * The template `entity` was created from, as it is now; undefined when the
 * catalog no longer has it (or the annotation names no entity).
 */
export function useServiceTemplate(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const ref = sourceTemplateRef(entity);
  return useAsyncRetry(async (): Promise<GoldenPathTemplate | undefined> => {
    if (!ref) {
      return undefined;
    }
    const {
      items: [template],
    } = await catalogApi.getEntitiesByRefs({
      entityRefs: [ref],
      fields: TEMPLATE_FIELDS,
    });
    return template && template.kind.toLocaleLowerCase('en-US') === 'template'
      ? toGoldenPathTemplate(template)
      : undefined;
  }, [catalogApi, ref]);
}
