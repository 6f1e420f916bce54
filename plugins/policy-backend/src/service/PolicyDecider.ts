import {
  DecisionPoint,
  DECISION_POINTS,
  PolicyDecision,
  PolicyRule,
} from '@finops/plugin-policy-common';
import {
  canonicalJson,
  decideWith,
  PolicyEvaluator,
  ruleSources,
  toRules,
} from '@finops/plugin-policy-node';
import { createHash } from 'node:crypto';
import { DecisionLogStore } from '../database/DecisionLogStore';
import { ExceptionStore } from '../database/ExceptionStore';
import { LoadedVersion } from '../database/PolicyVersionStore';

/** sha256 of the input with object keys in order: same input, same digest. */
export function inputDigest(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/**
 * Asks the policy for a decision and writes it to the decision log with
 * the revision that decided, how long it took and who asked. The input is
 * logged only as a digest: it may carry secrets. Exceptions come from our
 * own records, never from the caller: a decision about a subject gets the
 * subject's approved, unexpired exceptions as `input.exceptions`.
 */
export class PolicyDecider {
  readonly #evaluator: PolicyEvaluator;
  readonly #decisionLog: DecisionLogStore;
  readonly #exceptions: ExceptionStore;
  #enforcing?: { revision: string; rules: Promise<Set<string>> };

  static create(options: {
    evaluator: PolicyEvaluator;
    decisionLog: DecisionLogStore;
    exceptions: ExceptionStore;
  }): PolicyDecider {
    return new PolicyDecider(options);
  }

  private constructor(options: {
    evaluator: PolicyEvaluator;
    decisionLog: DecisionLogStore;
    exceptions: ExceptionStore;
  }) {
    this.#evaluator = options.evaluator;
    this.#decisionLog = options.decisionLog;
    this.#exceptions = options.exceptions;
  }

  get evaluatorKind(): PolicyEvaluator['kind'] {
    return this.#evaluator.kind;
  }

  async decide(
    decisionPoint: DecisionPoint,
    input: Record<string, unknown>,
    options: { actor: string; subject?: string },
  ): Promise<PolicyDecision> {
    const started = performance.now();
    const { subject } = options;
    const evaluated =
      subject && decisionPoint !== 'permission'
        ? {
            ...input,
            exceptions: (
              await this.#exceptions.activeRules(subject, new Date())
            ).map(rule => ({ rule })),
          }
        : input;
    const decision = await decideWith(
      this.#evaluator,
      decisionPoint,
      evaluated,
    );
    await this.#decisionLog.record({
      decisionPoint,
      subject,
      inputDigest: inputDigest(evaluated),
      allow: decision.allow,
      violations: decision.violations,
      revision: decision.revision,
      durationMs: performance.now() - started,
      actor: options.actor,
      decidedAt: new Date().toISOString(),
    });
    return decision;
  }

  async revision(): Promise<string> {
    return this.#evaluator.revision();
  }

  /** Ids of the enforcing rules of a revision (read once per revision). */
  async enforcingRules(revision: string): Promise<Set<string>> {
    if (this.#enforcing?.revision !== revision) {
      const rules = this.currentVersion().then(
        version =>
          new Set(version.rules.filter(r => r.enforcing).map(r => r.id)),
      );
      this.#enforcing = { revision, rules };
      rules.catch(() => {
        this.#enforcing = undefined;
      });
    }
    return this.#enforcing.rules;
  }

  /** Every rule of the policy now loaded, with its Rego. */
  async currentVersion(): Promise<LoadedVersion> {
    const [revision, modules] = await Promise.all([
      this.#evaluator.revision(),
      this.#evaluator.modules(),
    ]);
    const sources = ruleSources(modules);
    const perPoint = await Promise.all(
      DECISION_POINTS.map(async decisionPoint =>
        Object.entries(
          toRules(
            await this.#evaluator.evaluate(decisionPoint, {}, { rules: true }),
          ),
        ).map(
          ([id, rule]): PolicyRule => ({
            id,
            decisionPoint,
            ...rule,
            source: sources[id] ?? '',
          }),
        ),
      ),
    );
    return {
      revision,
      loadedAt: new Date().toISOString(),
      rules: perPoint.flat(),
    };
  }
}
