import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** Something whose delivery can be measured: a team or a system. */
export interface DeliveryScope {
  kind: 'owner' | 'system';
  ref: string;
  title: string;
}

/** The catalog's groups and systems, by title, for the DORA page's picker. */
export function useDeliveryScopes() {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async (): Promise<DeliveryScope[]> => {
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
