import { Entity } from '@backstage/catalog-model';
import { EntityHealth, EntitySlos } from '@finops/plugin-health-common';
import {
  DeployRequest,
  EnvironmentState,
  WorkflowRun,
} from '@finops/plugin-pipelines-common';
import { EntityCompliance } from '@finops/plugin-policy-common';
import { CliError } from '../../lib/CliError';
import { CommandContext } from '../../program/context';
import { section, Section } from './sections';

const LATEST_RUNS = 5;

export interface EntityStatus {
  entityRef: string;
  entity: {
    title: string | null;
    description: string | null;
    type: string | null;
    lifecycle: string | null;
    owner: string | null;
    system: string | null;
  };
  runs: Section<WorkflowRun[]>;
  environments: Section<EnvironmentState[]>;
  health: Section<{ summary: EntityHealth; slos: EntitySlos }>;
  compliance: Section<EntityCompliance>;
  pendingDeployRequests: Section<DeployRequest[]>;
}

/**
 * Everything `finops status` shows, read in parallel from the catalog,
 * pipelines, health and policy backends. Only the entity itself is
 * required; each other part degrades to a reason on its own.
 */
export async function loadStatus(
  context: CommandContext,
  ref: { kind: string; namespace: string; name: string; ref: string },
): Promise<EntityStatus> {
  const session = await context.session();
  const { catalog, pipelines, health, policy } = await context.clients();
  const entityRef = ref.ref;
  const explain = (error: unknown) => session.explain(error);

  const entity: Entity | undefined = await catalog.getEntityByRef(entityRef);
  if (!entity) {
    throw CliError.notFound(`No entity ${entityRef} in the catalog`);
  }

  const [runs, environments, healthSection, compliance, pending] =
    await Promise.all([
      section(
        async () =>
          (
            await session.read(
              await pipelines.listRuns({
                query: { entityRef, limit: LATEST_RUNS },
              }),
            )
          ).items,
        explain,
      ),
      section(
        async () =>
          (
            await session.read(
              await pipelines.listEnvironments({
                query: { entityRef, historyLimit: 1 },
              }),
            )
          ).items,
        explain,
      ),
      section(async () => {
        const [summary, slos] = await Promise.all([
          health.getSummary({ query: { entityRef } }),
          health.getSlos({ query: { entityRef } }),
        ]);
        // The entity is in the catalog: a 404 here is a portal without
        // the health backend.
        const notFound = 'the portal has no health backend';
        return {
          summary: await session.read(summary, { notFound }),
          slos: await session.read(slos, { notFound }),
        };
      }, explain),
      section(
        async () =>
          session.read(
            await policy.getEntityCompliance({
              path: {
                kind: ref.kind,
                namespace: ref.namespace,
                name: ref.name,
              },
            }),
          ),
        explain,
      ),
      section(
        async () =>
          (
            await session.read(
              await pipelines.listDeployRequests({
                query: { entityRef, status: 'pending' },
              }),
            )
          ).items,
        explain,
      ),
    ]);

  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    entityRef,
    entity: {
      title: entity.metadata.title ?? null,
      description: entity.metadata.description?.trim() ?? null,
      type: text(spec.type),
      lifecycle: text(spec.lifecycle),
      owner: text(spec.owner),
      system: text(spec.system),
    },
    runs,
    environments,
    health: healthSection,
    compliance,
    pendingDeployRequests: pending,
  };
}
