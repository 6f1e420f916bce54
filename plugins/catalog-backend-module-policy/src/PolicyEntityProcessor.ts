import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { PolicyService } from '@finops/plugin-policy-node';

/**
 * Checks every entity the catalog processes against `finops.catalog`; the
 * policy backend stores its violations for the entity's Compliance tab.
 *
 * Ingestion is never held up by reporting rules. When `enforce` is on, an
 * entity that breaks an enforcing rule is refused: the catalog keeps its
 * previous version (a new one does not appear) and shows the error. When
 * the policy backend cannot answer, the entity goes through and the
 * backend marks it "unknown".
 */
export class PolicyEntityProcessor implements CatalogProcessor {
  readonly #policy: Pick<PolicyService, 'evaluateEntity'>;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #enforce: boolean;

  static create(options: {
    policy: Pick<PolicyService, 'evaluateEntity'>;
    auth: AuthService;
    logger: LoggerService;
    enforce: boolean;
  }): PolicyEntityProcessor {
    return new PolicyEntityProcessor(options);
  }

  private constructor(
    options: Parameters<typeof PolicyEntityProcessor.create>[0],
  ) {
    this.#policy = options.policy;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#enforce = options.enforce;
  }

  getProcessorName(): string {
    return 'FinOpsPolicyProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    let compliance;
    try {
      compliance = await this.#policy.evaluateEntity(entity, {
        credentials: await this.#auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      this.#logger.warn(
        `Policy check of ${stringifyEntityRef(entity)} skipped`,
        { error: (error as Error).message },
      );
      return entity;
    }
    const blocking = new Set(compliance.blocking ?? []);
    if (this.#enforce && blocking.size > 0) {
      const broken = compliance.violations
        .filter(v => blocking.has(v.rule))
        .map(v => `${v.rule} (${v.message}): ${v.remediation}`)
        .join('; ');
      emit(
        processingResult.generalError(
          location,
          `Refused by policy finops.catalog: ${broken}`,
        ),
      );
    }
    return entity;
  }
}
