import { useApi } from '@backstage/frontend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SOURCE_TEMPLATE_ANNOTATION } from '../annotations';
import {
  groupByTemplate,
  SERVICE_FIELDS,
  TEMPLATE_FIELDS,
} from '../goldenPaths';

/**
 * Every template in the catalog with what was created from it, and what
 * names a template the catalog no longer has.
 */
export function useGoldenPaths() {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async () => {
    const [templates, services] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'template' },
        fields: TEMPLATE_FIELDS,
      }),
      catalogApi.getEntities({
        filter: {
          [`metadata.annotations.${SOURCE_TEMPLATE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: SERVICE_FIELDS,
      }),
    ]);
    return groupByTemplate(templates.items, services.items);
  }, [catalogApi]);
}
