/** Settings of the service, all from the environment (twelve-factor). */
export interface Config {
  /** `service` label of every metric and log line. */
  serviceName: string;
  /** `environment` field of every log line: development, staging, production. */
  environment: string;
  port: number;
  host: string;
  logLevel: string;
  /** How long in-flight requests may take to finish after SIGTERM. */
  shutdownTimeoutMs: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return {
    serviceName: env.SERVICE_NAME ?? '${{ values.name }}',
    environment: env.ENVIRONMENT ?? 'local',
    port: integer(env, 'PORT', 8080, 1, 65535),
    host: env.HOST ?? '0.0.0.0',
    logLevel,
    // Below the pod's terminationGracePeriodSeconds (30) minus the preStop
    // sleep (5), so the process exits before the kubelet kills it.
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 20_000, 0, 600_000),
  };
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${String(min)} to ${String(max)}, got "${text}"`);
  }
  return value;
}
