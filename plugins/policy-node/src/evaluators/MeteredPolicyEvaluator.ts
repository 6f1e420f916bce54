import type {
  MetricsService,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import { DecisionPoint } from '@finops/plugin-policy-common';
import { PolicyDocument, PolicyEvaluator, PolicyModule } from './types';

/**
 * From well under a millisecond (embedded Wasm, small input) to the OPA
 * server's timeout, in seconds.
 */
const DECISION_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

/** Attributes of `finops.policy.evaluation.duration`. */
export interface PolicyEvaluationAttributes {
  [key: string]: string;
  decision_point: DecisionPoint;
  evaluator: PolicyEvaluator['kind'];
  outcome: 'success' | 'error';
}

/**
 * A {@link PolicyEvaluator} that times every evaluation into the histogram
 * `finops.policy.evaluation.duration` (seconds), by decision point,
 * evaluator (embedded or server) and outcome: what every decision of the
 * portal waits for, and the first thing to look at when deploys, the
 * scaffolder or permission checks slow down.
 */
export class MeteredPolicyEvaluator implements PolicyEvaluator {
  readonly #evaluator: PolicyEvaluator;
  readonly #duration: MetricsServiceHistogram<PolicyEvaluationAttributes>;

  static wrap(
    evaluator: PolicyEvaluator,
    metrics: MetricsService,
  ): PolicyEvaluator {
    return new MeteredPolicyEvaluator(evaluator, metrics);
  }

  private constructor(evaluator: PolicyEvaluator, metrics: MetricsService) {
    this.#evaluator = evaluator;
    this.#duration = metrics.createHistogram<PolicyEvaluationAttributes>(
      'finops.policy.evaluation.duration',
      {
        description: 'Time to evaluate one policy decision',
        unit: 's',
        advice: { explicitBucketBoundaries: DECISION_BUCKETS },
      },
    );
  }

  get kind(): PolicyEvaluator['kind'] {
    return this.#evaluator.kind;
  }

  async evaluate(
    point: DecisionPoint,
    input: unknown,
    options?: { rules?: boolean },
  ): Promise<PolicyDocument> {
    const started = performance.now();
    let outcome: PolicyEvaluationAttributes['outcome'] = 'error';
    try {
      const document = await this.#evaluator.evaluate(point, input, options);
      outcome = 'success';
      return document;
    } finally {
      this.#duration.record((performance.now() - started) / 1000, {
        decision_point: point,
        evaluator: this.#evaluator.kind,
        outcome,
      });
    }
  }

  revision(): Promise<string> {
    return this.#evaluator.revision();
  }

  modules(): Promise<PolicyModule[]> {
    return this.#evaluator.modules();
  }
}
