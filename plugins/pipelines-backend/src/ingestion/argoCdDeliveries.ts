import { z } from 'zod';
import { DeliveryContent } from './DeliveryContent';

/**
 * The `argocd` topic: one Argo CD sync, as an Argo CD Notifications
 * webhook template posts it (see the README for the template):
 *
 * ```json
 * {
 *   "app": "card-payments-prod",          // matched to argocd/app-name
 *   "revision": "5f1c0a3...",             // the git sha synced
 *   "syncStatus": "Synced",               // Synced | OutOfSync | Unknown
 *   "healthStatus": "Healthy",            // Healthy | Progressing | Degraded | Suspended | Missing | Unknown
 *   "phase": "Succeeded",                 // the sync operation: Running | Succeeded | Failed | Error | Terminating
 *   "startedAt": "2026-12-01T10:00:00Z",  // the sync operation's start
 *   "finishedAt": "2026-12-01T10:02:00Z", // null while running
 *   "environment": "production",          // optional, default production
 *   "initiatedBy": "ana"                  // optional
 * }
 * ```
 *
 * A sync operation is one deployment (`argocd:<app>:<startedAt>`); each
 * notification moves it on as the status ordering allows.
 */
const argoCdSync = z.object({
  app: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,252}$/),
  revision: z.string().regex(/^[0-9a-f]{7,64}$/),
  syncStatus: z.enum(['Synced', 'OutOfSync', 'Unknown']),
  healthStatus: z.enum([
    'Healthy',
    'Progressing',
    'Degraded',
    'Suspended',
    'Missing',
    'Unknown',
  ]),
  phase: z.enum(['Running', 'Succeeded', 'Failed', 'Error', 'Terminating']),
  startedAt: z.iso.datetime({ offset: true }).transform(Date.parse),
  finishedAt: z.iso.datetime({ offset: true }).transform(Date.parse).nullish(),
  environment: z.string().min(1).max(255).default('production'),
  initiatedBy: z.string().min(1).max(255).optional(),
});

type ArgoCdSync = z.infer<typeof argoCdSync>;

/** A sync succeeded once the app is synced and healthy. */
function deploymentStatus(sync: ArgoCdSync): string {
  if (sync.phase === 'Failed' || sync.phase === 'Error') return 'failure';
  if (sync.phase !== 'Succeeded') return 'in_progress';
  if (sync.healthStatus === 'Degraded' || sync.healthStatus === 'Missing') {
    return 'failure';
  }
  return sync.healthStatus === 'Healthy' && sync.syncStatus === 'Synced'
    ? 'success'
    : 'in_progress';
}

/** Maps one Argo CD sync notification; throws a ZodError if malformed. */
export function parseArgoCdDelivery(payload: unknown): DeliveryContent {
  const sync = argoCdSync.parse(payload);
  const updatedAt = sync.finishedAt ?? sync.startedAt;
  return {
    type: 'deployment',
    locator: { argoCdApp: sync.app },
    deployment: {
      id: `argocd:${sync.app}:${sync.startedAt}`,
      environment: sync.environment,
      version: sync.revision,
      sha: sync.revision,
      status: deploymentStatus(sync),
      triggeredBy: sync.initiatedBy ?? 'argocd',
      approvedBy: null,
      rollback: false,
      createdAt: sync.startedAt,
      updatedAt,
      statusUpdatedAt: updatedAt,
      url: null,
      source: 'argocd',
    },
  };
}
