import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger({
  serviceName: config.serviceName,
  environment: config.environment,
  level: config.logLevel,
});
const { app, markShuttingDown } = buildApp({ serviceName: config.serviceName, logger });

// Kubernetes sends SIGTERM after the preStop sleep, once the pod is out of
// the Service's endpoints: stop accepting connections, let in-flight
// requests finish, then exit.
let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  markShuttingDown();
  logger.info({ signal }, 'shutting down');
  setTimeout(() => {
    logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'requests still running, exiting anyway');
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  try {
    await app.close();
    logger.info('stopped');
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exitCode = 1;
  }
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}
