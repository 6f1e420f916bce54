import type { EnvironmentState } from '@finops/plugin-pipelines-common';

/** A promotion or a roll-back someone may ask for from the Deployments tab. */
export type DeployPlan =
  | {
      action: 'promote';
      /** The environment the version goes to. */
      environment: string;
      /** The environment it runs in now. */
      from: string;
      version: string;
    }
  | {
      action: 'rollback';
      environment: string;
      /** What runs there now. */
      current: string;
      /** Versions to go back to, newest first; the first is the default. */
      versions: string[];
    };

/**
 * The promotion `ordered[index]` offers: its current version to the next
 * environment, unless that one already runs it. `ordered` is in promotion
 * order (see `orderEnvironments`).
 */
export function promotionFrom(
  ordered: EnvironmentState[],
  index: number,
): DeployPlan | undefined {
  const source = ordered[index];
  const target = ordered[index + 1];
  const version = source?.current?.version;
  if (!target || !version || target.current?.version === version) {
    return undefined;
  }
  return {
    action: 'promote',
    environment: target.environment,
    from: source.environment,
    version,
  };
}

/**
 * The roll-back an environment offers: to a version that succeeded there
 * before and is not the one running now. Only successful deployments
 * count: the backend accepts nothing else as a roll-back target.
 */
export function rollbackOf(
  environment: EnvironmentState,
): DeployPlan | undefined {
  const current = environment.current;
  if (!current) {
    return undefined;
  }
  const versions = [...environment.history]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .filter(d => d.status === 'success' && d.version !== current.version)
    .map(d => d.version)
    .filter((version, i, all) => all.indexOf(version) === i);
  if (versions.length === 0) {
    return undefined;
  }
  return {
    action: 'rollback',
    environment: environment.environment,
    current: current.version,
    versions,
  };
}
