import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  SOURCE_TEMPLATE_ANNOTATION,
  sourceTemplateRef,
  sourceTemplateSpellings,
} from '../annotations';
import {
  compareServices,
  SERVICE_FIELDS,
  toGoldenPathTemplate,
  toTemplateService,
} from '../goldenPaths';

/** What was created from `template`, most urgent first. */
export function useTemplateServices(template: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const ref = stringifyEntityRef(template);
  return useAsyncRetry(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        [`metadata.annotations.${SOURCE_TEMPLATE_ANNOTATION}`]:
          sourceTemplateSpellings(template),
      },
      fields: SERVICE_FIELDS,
    });
    const goldenPath = toGoldenPathTemplate(template);
    return items
      .filter(entity => sourceTemplateRef(entity) === ref)
      .map(entity => toTemplateService(entity, goldenPath))
      .sort(compareServices);
  }, [catalogApi, template, ref]);
}
