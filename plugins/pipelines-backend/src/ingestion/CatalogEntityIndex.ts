import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ARGOCD_APP_NAME,
  ANNOTATION_GITHUB_PROJECT_SLUG,
} from '../annotations';
import { EntityLocator } from './DeliveryContent';

/**
 * Deliveries of one repository come in bursts (a run, its jobs, their
 * updates): a minute of caching spares the catalog a query per delivery,
 * and an annotation added to catalog-info.yaml takes effect within it.
 */
const CACHE_TTL_MS = 60_000;
/** Bounds the cache when deliveries come from many unmapped repositories. */
const MAX_CACHED = 5_000;

/** What a DORA request covers: one entity, a system, or an owner. */
export type DoraScope =
  | { entityRef: string }
  | { system: string }
  | { owner: string };

/**
 * Finds catalog entities for deliveries (by `github.com/project-slug` or
 * `argocd/app-name`) and for DORA scopes (a system's or an owner's
 * entities). Entity refs are lowercased: the catalog compares them without
 * case, and the stores compare them exactly.
 */
export class CatalogEntityIndex {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #cache = new Map<
    string,
    { entityRef: string | undefined; expires: number }
  >();

  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
  }): CatalogEntityIndex {
    return new CatalogEntityIndex(options.catalog, options.auth);
  }

  private constructor(catalog: CatalogService, auth: AuthService) {
    this.#catalog = catalog;
    this.#auth = auth;
  }

  /** The entity a delivery belongs to, or undefined if none claims it. */
  async locate(locator: EntityLocator): Promise<string | undefined> {
    const [annotation, value] =
      'repository' in locator
        ? [ANNOTATION_GITHUB_PROJECT_SLUG, locator.repository]
        : [ANNOTATION_ARGOCD_APP_NAME, locator.argoCdApp];
    const key = `${annotation}=${value.toLocaleLowerCase('en-US')}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expires > Date.now()) {
      return cached.entityRef;
    }
    const entities = await this.#find({
      [`metadata.annotations.${annotation}`]: value,
    });
    // A repository claimed by several entities (a monorepo) goes to the
    // first by ref, so that every replica picks the same one.
    const entityRef = entities.sort()[0];
    if (this.#cache.size >= MAX_CACHED) {
      this.#cache.clear();
    }
    this.#cache.set(key, { entityRef, expires: Date.now() + CACHE_TTL_MS });
    return entityRef;
  }

  /** The entity refs a DORA scope covers. */
  async entitiesIn(scope: DoraScope): Promise<string[]> {
    if ('entityRef' in scope) {
      return [normalizeEntityRef(scope.entityRef)];
    }
    const [field, relation, kind, name] =
      'system' in scope
        ? (['spec.system', 'relations.partOf', 'system', scope.system] as const)
        : (['spec.owner', 'relations.ownedBy', 'group', scope.owner] as const);
    const ref = parseScopeRef(name, kind);
    return this.#find([
      { [relation]: stringifyEntityRef(ref) },
      { [field]: specValues(ref) },
    ]);
  }

  async #find(
    filter:
      | Record<string, string | string[]>
      | Record<string, string | string[]>[],
  ): Promise<string[]> {
    const { items } = await this.#catalog.getEntities(
      { filter, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    return [
      ...new Set(
        items.map((e: Entity) => normalize({ kind: e.kind, ...e.metadata })),
      ),
    ].sort();
  }
}

/** An entity ref as the stores hold it: complete and lowercase. */
export function normalizeEntityRef(ref: string): string {
  try {
    return normalize(parseEntityRef(ref));
  } catch {
    throw new InputError(`Not an entity ref: ${ref}`);
  }
}

function normalize(ref: {
  kind: string;
  namespace?: string;
  name: string;
}): string {
  return stringifyEntityRef({
    kind: ref.kind,
    namespace: ref.namespace ?? 'default',
    name: ref.name,
  }).toLocaleLowerCase('en-US');
}

/** How an entity's spec may name this system or owner. */
function specValues(ref: {
  kind: string;
  namespace: string;
  name: string;
}): string[] {
  const values = [stringifyEntityRef(ref), `${ref.namespace}/${ref.name}`];
  if (ref.namespace === 'default') {
    values.push(ref.name, `${ref.kind}:${ref.name}`);
  }
  return values;
}

function parseScopeRef(ref: string, defaultKind: string) {
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    throw new InputError(`Not an entity ref: ${ref}`);
  }
}
