import { LoggerService } from '@backstage/backend-plugin-api';
import { PolicyVersionStore } from '../database/PolicyVersionStore';
import { EntityComplianceChecker } from './EntityComplianceChecker';
import { PolicyDecider } from './PolicyDecider';

/**
 * Notices a new policy revision (an OPA server reloaded its bundle, or a
 * deploy shipped a new embedded one), records it with its rules, and
 * re-evaluates the whole catalog so no entity keeps a result from a policy
 * that is gone. An unreachable OPA server is logged and retried on the
 * next run: the decisions themselves fail closed meanwhile.
 */
export class PolicyRevisionWatcher {
  readonly #decider: PolicyDecider;
  readonly #versions: PolicyVersionStore;
  readonly #checker: EntityComplianceChecker;
  readonly #logger: LoggerService;

  static create(options: {
    decider: PolicyDecider;
    versions: PolicyVersionStore;
    checker: EntityComplianceChecker;
    logger: LoggerService;
  }): PolicyRevisionWatcher {
    return new PolicyRevisionWatcher(options);
  }

  private constructor(
    options: Parameters<typeof PolicyRevisionWatcher.create>[0],
  ) {
    this.#decider = options.decider;
    this.#versions = options.versions;
    this.#checker = options.checker;
    this.#logger = options.logger;
  }

  /** Returns the revision now loaded, or undefined when it can't be read. */
  async check(): Promise<string | undefined> {
    let revision: string;
    try {
      revision = await this.#decider.revision();
      if (await this.#versions.has(revision)) return revision;
      const isNew = await this.#versions.recordLoaded(
        await this.#decider.currentVersion(),
      );
      if (!isNew) return revision;
    } catch (error) {
      this.#logger.warn('Policy revision could not be read; retrying later', {
        evaluator: this.#decider.evaluatorKind,
        error: (error as Error).message,
      });
      return undefined;
    }
    this.#logger.info(`Policy revision ${revision} loaded; re-evaluating`, {
      evaluator: this.#decider.evaluatorKind,
    });
    const count = await this.#checker.reevaluateAll();
    this.#logger.info(`Re-evaluated ${count} entities with ${revision}`);
    return revision;
  }
}
