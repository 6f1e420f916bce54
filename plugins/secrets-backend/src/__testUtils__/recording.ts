import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import { JsonObject } from '@backstage/types';
import { inspect } from 'node:util';

/**
 * Everything the backend wrote: log lines (message and metadata, as a
 * transport would serialise them) and auditor events. A leak test scans
 * `text()` for a planted value.
 */
export class Recording {
  readonly lines: string[] = [];

  text(): string {
    return this.lines.join('\n');
  }

  record(level: string, message: string, meta: unknown): void {
    this.lines.push(
      `${level} ${message} ${JSON.stringify(meta) ?? ''} ${inspect(meta, {
        depth: 8,
      })}`,
    );
  }

  /** The root logger, and an auditor that logs every event through it. */
  factories() {
    const logger = (fields: object): RootLoggerService => {
      const log = (level: string) => (message: string, meta?: Error | object) =>
        this.record(level, message, { ...fields, meta });
      return {
        error: log('error'),
        warn: log('warn'),
        info: log('info'),
        debug: log('debug'),
        child: (more: object) => logger({ ...fields, ...more }),
      };
    };
    return [
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger({}),
      }),
      createServiceFactory({
        service: coreServices.auditor,
        deps: {
          logger: coreServices.logger,
          auth: coreServices.auth,
          httpAuth: coreServices.httpAuth,
          plugin: coreServices.pluginMetadata,
        },
        factory: ({ logger: pluginLogger, auth, httpAuth, plugin }) => {
          const audit: LoggerService = pluginLogger.child({
            isAuditEvent: true,
          });
          return DefaultAuditorService.create(
            event =>
              audit.info(
                `${event.plugin}.${event.eventId}`,
                event as unknown as JsonObject,
              ),
            { auth, httpAuth, plugin },
          );
        },
      }),
    ];
  }
}
