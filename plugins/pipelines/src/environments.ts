import type { EnvironmentState } from '@finops/plugin-pipelines-common';

/*
 * The stages a change goes through, earliest first. Names vary between
 * teams (dev, development, sandbox; uat, qa; stage, preprod; prod, live),
 * so each stage is recognised by a pattern.
 */
const STAGES: RegExp[] = [
  /^(local|dev|develop|development|sandbox)(\b|[-_])/,
  /^(test|testing|qa|sit|int|integration|uat)(\b|[-_])/,
  /^(stage|staging|preprod|pre-prod|pre-production|perf)(\b|[-_])/,
  /^(prod|production|live)(\b|[-_])/,
];

function stageOf(environment: string): number {
  const name = environment.toLocaleLowerCase('en-US');
  const stage = STAGES.findIndex(pattern => pattern.test(name));
  return stage === -1 ? STAGES.length : stage;
}

/**
 * Environments in the order a change is promoted through them (dev →
 * staging → production), then those we cannot place, alphabetically.
 */
export function orderEnvironments(
  environments: EnvironmentState[],
): EnvironmentState[] {
  return [...environments].sort(
    (a, b) =>
      stageOf(a.environment) - stageOf(b.environment) ||
      a.environment.localeCompare(b.environment),
  );
}
