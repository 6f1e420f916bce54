import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_GITHUB_PROJECT_SLUG } from '../annotations';
import { normalizeEntityRef } from '../ingestion/CatalogEntityIndex';

/** What GitHub accepts as `owner/name`. */
const SLUG = /^[\w.-]+\/[\w.-]+$/;

export interface AnnotatedRepository {
  /** `owner/name` as the claiming entity's annotation spells it. */
  repository: string;
  entityRef: string;
}

/**
 * The GitHub repositories that catalog entities claim, each with the
 * entity its runs belong to. A repository several entities claim (a
 * monorepo) goes to the first by ref, the same one the webhook ingestion
 * picks, so a backfilled run never lands on another entity than its
 * deliveries. Slugs compare without case, as GitHub's do.
 */
export async function annotatedRepositories(options: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<AnnotatedRepository[]> {
  const { items } = await options.catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${ANNOTATION_GITHUB_PROJECT_SLUG}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  const byRepository = new Map<string, AnnotatedRepository>();
  for (const entity of items) {
    const repository =
      entity.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG]?.trim();
    if (!repository || !SLUG.test(repository)) {
      continue;
    }
    const entityRef = normalizeEntityRef(stringifyEntityRef(entity));
    const key = repository.toLocaleLowerCase('en-US');
    const claimed = byRepository.get(key);
    if (!claimed || entityRef < claimed.entityRef) {
      byRepository.set(key, { repository, entityRef });
    }
  }
  return [...byRepository.values()].sort((a, b) =>
    a.repository.localeCompare(b.repository),
  );
}
