import { HealthStatus } from '@finops/plugin-health-common';
import { SecretsStatus } from '@finops/plugin-secrets-common';
import { CommandContext } from '../../program/context';
import { PortalSession } from '../../portal/PortalSession';
import { CheckResult, timed } from './DoctorCheck';

const SOURCES = [
  ['prometheus', 'Prometheus'],
  ['alertmanager', 'Alertmanager'],
  ['grafana', 'Grafana'],
] as const;

/** The portal process itself: Backstage's readiness endpoint, no credentials. */
export function checkPortal(session: PortalSession, explain: Explain) {
  return timed(
    'portal',
    async () => {
      const response = await session.httpFetch(
        `${session.portalUrl}/.backstage/health/v1/readiness`,
      );
      return response.ok
        ? { state: 'ok', detail: `ready at ${session.portalUrl}` }
        : {
            state: 'fail',
            detail: `not ready (${response.status}): it is starting or shutting down`,
          };
    },
    explain,
  );
}

export type Explain = (error: unknown) => Promise<unknown>;

export async function checkSignIn(context: CommandContext, explain: Explain) {
  const session = await context.session();
  return timed(
    'signed in',
    async () => {
      const credentials = await session.credentials();
      if (credentials.kind === 'none') {
        return {
          state: 'fail',
          detail: 'not signed in: run finops login (or set FINOPS_TOKEN)',
        };
      }
      if (credentials.kind === 'user') {
        const oidc = await session.oidc();
        const info = await session.read<{ claims?: { sub?: string } }>(
          await session.fetchApi.fetch(oidc.userinfoEndpoint),
        );
        return {
          state: 'ok',
          detail: `as ${info.claims?.sub ?? credentials.userEntityRef}`,
        };
      }
      const { catalog } = await context.clients();
      await catalog.getEntities({ limit: 1, fields: ['kind'] });
      return {
        state: 'ok',
        detail: `with a service token (${
          credentials.kind === 'env' ? 'FINOPS_TOKEN' : 'stored'
        })`,
      };
    },
    explain,
  );
}

/** The catalog answering is also the database answering. */
export async function checkCatalog(context: CommandContext, explain: Explain) {
  const { catalog } = await context.clients();
  return timed(
    'catalog, database',
    async () => {
      const page = await catalog.queryEntities({ limit: 1, fields: ['kind'] });
      return { state: 'ok', detail: `${page.totalItems} entities` };
    },
    explain,
  );
}

/** The rules of the loaded policy come from the evaluator (OPA or embedded). */
export async function checkPolicy(context: CommandContext, explain: Explain) {
  const session = await context.session();
  const { policy } = await context.clients();
  return timed(
    'policy (OPA)',
    async () => {
      const version = await session.read(await policy.listRules({}));
      return {
        state: 'ok',
        detail: `revision ${version.revision.slice(0, 12)}, ${
          version.rules.length
        } rules`,
      };
    },
    explain,
  );
}

export async function checkVault(
  context: CommandContext,
  explain: Explain,
): Promise<CheckResult[]> {
  const session = await context.session();
  const { secrets } = await context.clients();
  let status: SecretsStatus | undefined;
  const probe = await timed(
    'Vault',
    async () => {
      status = await session.read(await secrets.getStatus({}));
      return { state: 'ok', detail: '' };
    },
    explain,
  );
  if (!status) return [probe];
  if (!status.configured) {
    return [
      {
        name: 'Vault',
        state: 'skip',
        detail: 'not configured',
        latencyMs: probe.latencyMs,
      },
    ];
  }
  return status.instances.map(instance => {
    const healthy =
      instance.reachable && instance.initialized && !instance.sealed;
    return {
      name: `Vault ${instance.name}`,
      state: healthy ? 'ok' : 'fail',
      detail: healthy
        ? `unsealed${instance.version ? `, ${instance.version}` : ''}`
        : instance.message,
      latencyMs: probe.latencyMs,
    };
  });
}

/** Prometheus, Alertmanager and Grafana, each probed by the health backend. */
export async function checkObservability(
  context: CommandContext,
  explain: Explain,
): Promise<CheckResult[]> {
  const session = await context.session();
  const { health } = await context.clients();
  let status: HealthStatus | undefined;
  const probe = await timed(
    'health backend',
    async () => {
      status = await session.read(await health.getStatus({}), {
        notFound: 'not available: the portal has no health backend',
      });
      return { state: 'ok', detail: '' };
    },
    explain,
  );
  if (!status) {
    return SOURCES.map(([, label]) => ({ ...probe, name: label }));
  }
  const found = status;
  return SOURCES.flatMap(([source, label]): CheckResult[] => {
    const instances = found.instances.filter(i => i.source === source);
    if (instances.length === 0) {
      return [
        {
          name: label,
          state: 'skip',
          detail: 'not configured',
          latencyMs: null,
        },
      ];
    }
    return instances.map(instance => ({
      name:
        instances.length > 1 || !instance.default
          ? `${label} ${instance.name}`
          : label,
      state: instance.state === 'ok' ? 'ok' : 'fail',
      detail:
        instance.state === 'ok'
          ? `${instance.url}${instance.version ? `, ${instance.version}` : ''}`
          : `${instance.state}: ${instance.message ?? instance.url}`,
      latencyMs:
        instance.latencyMs === null ? null : Math.round(instance.latencyMs),
    }));
  });
}

/**
 * The pipelines backend takes GitHub and Argo CD events and calls them to
 * deploy, but exposes no status of either: say so rather than guess.
 */
export function uncheckable(): CheckResult[] {
  return ['GitHub', 'Argo CD'].map(name => ({
    name,
    state: 'skip',
    detail: 'not checked: the portal has no status endpoint for it',
    latencyMs: null,
  }));
}
