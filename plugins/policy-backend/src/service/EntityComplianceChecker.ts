import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EntityCompliance } from '@finops/plugin-policy-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ExceptionStore } from '../database/ExceptionStore';
import { ViolationStore } from '../database/ViolationStore';
import { PolicyDecider } from './PolicyDecider';

/**
 * The groups in the catalog change far less often than entities are
 * processed; one read serves a whole processing round.
 */
const GROUPS_TTL_MS = 30_000;
/** Entities re-evaluated per catalog page when the revision changes. */
const PAGE_SIZE = 200;

/**
 * Evaluates entities with `finops.catalog` and stores the result: the
 * catalog module calls it for every entity it processes, and it
 * re-evaluates the whole catalog when the policy revision or an entity's
 * exceptions change. When the policy cannot be evaluated the entity is
 * "unknown", never "pass".
 */
export class EntityComplianceChecker {
  readonly #decider: PolicyDecider;
  readonly #violations: ViolationStore;
  readonly #exceptions: ExceptionStore;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  #groups?: { refs: Promise<string[]>; expiresAt: number };
  /**
   * Groups this replica has seen the catalog process. While the catalog
   * first fills up, a group can be processed before it is readable from
   * the catalog's API; owners must not be refused for that.
   */
  readonly #processedGroups = new Set<string>();

  static create(options: {
    decider: PolicyDecider;
    violations: ViolationStore;
    exceptions: ExceptionStore;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }): EntityComplianceChecker {
    return new EntityComplianceChecker(options);
  }

  private constructor(
    options: Parameters<typeof EntityComplianceChecker.create>[0],
  ) {
    this.#decider = options.decider;
    this.#violations = options.violations;
    this.#exceptions = options.exceptions;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
  }

  async evaluate(entity: Entity, actor: string): Promise<EntityCompliance> {
    const entityRef = stringifyEntityRef(entity);
    if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
      this.#processedGroups.add(entityRef);
    }
    const owner = ownerRef(entity);
    const evaluatedAt = new Date();
    let blocking: string[] | undefined;
    try {
      const decision = await this.#decider.decide(
        'catalog',
        {
          entity,
          groups: [
            ...new Set([
              ...(await this.#groupRefs()),
              ...this.#processedGroups,
            ]),
          ],
        },
        { actor, subject: entityRef },
      );
      await this.#violations.record({
        entityRef,
        kind: entity.kind,
        owner,
        revision: decision.revision,
        evaluatedAt,
        violations: decision.violations,
        excepted: decision.excepted,
      });
      const enforcing = await this.#decider.enforcingRules(decision.revision);
      blocking = decision.violations
        .map(v => v.rule)
        .filter(rule => enforcing.has(rule));
    } catch (error) {
      this.#logger.warn(`Compliance of ${entityRef} is unknown`, {
        error: (error as Error).message,
      });
      await this.#violations.recordUnknown({
        entityRef,
        kind: entity.kind,
        owner,
        evaluatedAt,
        reason: `The policy could not be evaluated: ${
          (error as Error).message
        }`,
      });
    }
    const compliance = await this.get(entityRef);
    return blocking === undefined ? compliance : { ...compliance, blocking };
  }

  async get(entityRef: string): Promise<EntityCompliance> {
    const [stored, exceptions] = await Promise.all([
      this.#violations.get(entityRef),
      this.#exceptions.list({ entityRef }),
    ]);
    return { ...stored, exceptions };
  }

  /** Re-evaluates one entity as the catalog has it now (after a review). */
  async reevaluate(entityRef: string): Promise<void> {
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials: await this.#auth.getOwnServiceCredentials(),
    });
    if (entity) await this.evaluate(entity, 'plugin:policy');
  }

  /**
   * Re-evaluates every entity in the catalog and forgets those that left
   * it; returns how many were evaluated.
   */
  async reevaluateAll(): Promise<number> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    this.#groups = undefined;
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.#catalog.queryEntities(
        cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE },
        { credentials },
      );
      for (const entity of page.items) {
        await this.evaluate(entity, 'plugin:policy');
        seen.add(stringifyEntityRef(entity));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    const removed = await this.#violations.retainOnly(seen, new Date());
    if (removed > 0) {
      this.#logger.info(`Forgot ${removed} entities no longer in the catalog`);
    }
    return seen.size;
  }

  #groupRefs(): Promise<string[]> {
    if (!this.#groups || this.#groups.expiresAt < Date.now()) {
      const refs = this.#readGroups();
      this.#groups = { refs, expiresAt: Date.now() + GROUPS_TTL_MS };
      refs.catch(() => {
        this.#groups = undefined;
      });
    }
    return this.#groups.refs;
  }

  async #readGroups(): Promise<string[]> {
    const { items } = await this.#catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    return items.map(group => stringifyEntityRef(group));
  }
}

/** The entity's owner as a full ref, resolved in the entity's namespace. */
function ownerRef(entity: Entity): string | null {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || owner.length === 0) return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return null;
  }
}
