import { pino, stdTimeFunctions, type Logger } from 'pino';

/** JSON lines on stdout: ISO time, level name, service and environment. */
export function createLogger(options: {
  serviceName: string;
  environment: string;
  level: string;
}): Logger {
  return pino({
    level: options.level,
    base: { service: options.serviceName, environment: options.environment },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
