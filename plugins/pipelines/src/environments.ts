import type { EnvironmentState } from '@finops/plugin-pipelines-common';

/*
 * The stages a change goes through before production, earliest first.
 * Names vary between teams (dev, development, sandbox; uat, qa; stage,
 * preprod; prod, live), so each stage is recognised by a pattern.
 */
const STAGES_BEFORE_PRODUCTION: RegExp[] = [
  /^(local|dev|develop|development|sandbox)(\b|[-_])/,
  /^(test|testing|qa|sit|int|integration|uat)(\b|[-_])/,
  /^(stage|staging|preprod|pre-prod|pre-production|perf)(\b|[-_])/,
];
const PRODUCTION = /^(prod|production|live)(\b|[-_])/;

/*
 * Production is where every change ends, so an environment we cannot place
 * (canary, dr-site, …) goes after the stages we know and before production.
 * This order decides which environment offers a promotion to which.
 */
const UNKNOWN_STAGE = STAGES_BEFORE_PRODUCTION.length;
const PRODUCTION_STAGE = UNKNOWN_STAGE + 1;

function stageOf(environment: string): number {
  const name = environment.toLocaleLowerCase('en-US');
  if (PRODUCTION.test(name)) {
    return PRODUCTION_STAGE;
  }
  const stage = STAGES_BEFORE_PRODUCTION.findIndex(pattern =>
    pattern.test(name),
  );
  return stage === -1 ? UNKNOWN_STAGE : stage;
}

/**
 * Compares environment names in the order a change is promoted through
 * them: dev < test < staging < (unknown, alphabetically) < production.
 */
export function environmentOrder(a: string, b: string): number {
  return stageOf(a) - stageOf(b) || a.localeCompare(b);
}

/** Environments in the order a change is promoted through them. */
export function orderEnvironments(
  environments: EnvironmentState[],
): EnvironmentState[] {
  return [...environments].sort((a, b) =>
    environmentOrder(a.environment, b.environment),
  );
}
