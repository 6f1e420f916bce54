import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** A team or a system, for pages that list what one owns or holds. */
export interface CatalogScope {
  kind: 'owner' | 'system';
  ref: string;
  title: string;
}

/** The catalog's groups and systems, by title, for a page's scope picker. */
export function useCatalogScopes() {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async (): Promise<CatalogScope[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ['Group', 'System'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(entity => ({
        kind:
          entity.kind.toLocaleLowerCase('en-US') === 'group'
            ? ('owner' as const)
            : ('system' as const),
        ref: stringifyEntityRef(entity),
        title: entity.metadata.title ?? entity.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}
