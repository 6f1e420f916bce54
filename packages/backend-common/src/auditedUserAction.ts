import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/** Runs one person's change as an auditor event. */
export type AuditedUserAction = <T>(
  req: Request<any, any, any, any>,
  event: { eventId: string; meta: JsonObject },
  act: (
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => Promise<T>,
  metaOf: (result: T) => JsonObject,
) => Promise<T>;

/**
 * A person's change, as an auditor event (severity high) created before
 * anything is checked: it succeeds with what `metaOf` takes from the
 * result, or fails with the error, which is then thrown on. Only user
 * credentials may act; anything else fails the event too.
 */
export function auditedUserAction(options: {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
}): AuditedUserAction {
  const { auditor, httpAuth } = options;
  return async (req, event, act, metaOf) => {
    const audit = await auditor.createEvent({
      eventId: event.eventId,
      severityLevel: 'high',
      meta: event.meta,
      request: req,
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const result = await act(credentials);
      await audit.success({ meta: metaOf(result) });
      return result;
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  };
}
