import {
  DecisionPoint,
  DECISION_POINTS,
  PolicyDecision,
  PolicyRule,
} from '@finops/plugin-policy-common';
import {
  canonicalJson,
  PolicyEvaluator,
  toPermissionDecision,
  toPolicyDecision,
  toRules,
} from '@finops/plugin-policy-node';
import { createHash } from 'node:crypto';
import { DecisionLogStore } from '../database/DecisionLogStore';
import { PolicyVersionStore } from '../database/PolicyVersionStore';

/** sha256 of the input with object keys in order: same input, same digest. */
export function inputDigest(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/**
 * Asks the policy for a decision and writes it to the decision log with
 * the revision that decided, how long it took and who asked. The input is
 * logged only as a digest: it may carry secrets.
 */
export class PolicyDecider {
  readonly #evaluator: PolicyEvaluator;
  readonly #decisionLog: DecisionLogStore;
  readonly #versions: PolicyVersionStore;

  static create(options: {
    evaluator: PolicyEvaluator;
    decisionLog: DecisionLogStore;
    versions: PolicyVersionStore;
  }): PolicyDecider {
    return new PolicyDecider(options);
  }

  private constructor(options: {
    evaluator: PolicyEvaluator;
    decisionLog: DecisionLogStore;
    versions: PolicyVersionStore;
  }) {
    this.#evaluator = options.evaluator;
    this.#decisionLog = options.decisionLog;
    this.#versions = options.versions;
  }

  async decide(
    decisionPoint: DecisionPoint,
    input: object,
    actor: string,
  ): Promise<PolicyDecision> {
    const started = performance.now();
    const [document, revision] = await Promise.all([
      this.#evaluator.evaluate(decisionPoint, input),
      this.#evaluator.revision(),
    ]);
    const decision =
      decisionPoint === 'permission'
        ? {
            decisionPoint,
            allow: toPermissionDecision(document, revision).result === 'ALLOW',
            violations: [],
            excepted: [],
            revision,
          }
        : toPolicyDecision(decisionPoint, document, revision);
    await this.#decisionLog.record({
      decisionPoint,
      inputDigest: inputDigest(input),
      allow: decision.allow,
      violations: decision.violations,
      revision,
      durationMs: performance.now() - started,
      actor,
      decidedAt: new Date().toISOString(),
    });
    return decision;
  }

  /** The rules of every decision point in the policy now loaded. */
  async rules(): Promise<{
    revision: string;
    rules: Record<DecisionPoint, Record<string, PolicyRule>>;
  }> {
    const revision = await this.#evaluator.revision();
    const entries = await Promise.all(
      DECISION_POINTS.map(
        async point =>
          [point, toRules(await this.#evaluator.evaluate(point, {}))] as const,
      ),
    );
    return {
      revision,
      rules: Object.fromEntries(entries) as Record<
        DecisionPoint,
        Record<string, PolicyRule>
      >,
    };
  }

  /** Records the loaded revision with its rules (idempotent). */
  async recordLoadedVersion(): Promise<string> {
    const { revision, rules } = await this.rules();
    await this.#versions.recordLoaded({
      revision,
      loadedAt: new Date().toISOString(),
      rules,
    });
    return revision;
  }
}
