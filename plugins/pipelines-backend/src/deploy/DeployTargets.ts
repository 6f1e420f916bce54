import { Entity } from '@backstage/catalog-model';
import { DeployTarget } from '@finops/plugin-pipelines-common';
import {
  ANNOTATION_ARGOCD_APP_NAME,
  ANNOTATION_ARGOCD_APPS,
  ANNOTATION_DEPLOY_REF,
  ANNOTATION_DEPLOY_WORKFLOW,
  ANNOTATION_GITHUB_PROJECT_SLUG,
} from '../annotations';
import { ArgoCdClient } from './ArgoCdClient';

/** The GitHub calls deploys and re-runs make (see GithubClient). */
export interface GithubActionsApi {
  rerunFailedJobs(repository: string, runId: string): Promise<void>;
  dispatchWorkflow(
    repository: string,
    workflow: string,
    ref: string,
    inputs: Record<string, string>,
  ): Promise<void>;
}

/** What a deploy needs to run, once approved. */
export interface DeployOrder {
  requestId: string;
  environment: string;
  version: string;
  sha: string | null;
  requestedBy: string;
  approvedBy: string | null;
  /** The entity's `finops.io/deploy-ref`, if any. */
  ref?: string;
}

export type ResolvedTarget =
  | { target: DeployTarget; problem: null }
  | { target: null; problem: string };

/**
 * Where a deploy of an entity goes, from its annotations, as the issue
 * puts it: "GitHub workflow_dispatch or Argo CD sync to a revision,
 * whichever the entity is annotated with".
 *
 * - `finops.io/deploy-workflow: deploy.yml` dispatches that workflow on
 *   `finops.io/deploy-ref` (default `main`) with the inputs `environment`,
 *   `version`, `request_id` and `approved_by`.
 * - `finops.io/argocd-apps: staging=app-staging,production=app-prod`
 *   syncs the environment's application to the version's commit;
 *   `argocd/app-name` alone is the production application.
 */
export class DeployTargets {
  readonly #github: GithubActionsApi | undefined;
  readonly #argocd: ArgoCdClient | undefined;
  readonly #productionEnvironments: string[];

  static create(options: {
    github?: GithubActionsApi;
    argocd?: ArgoCdClient;
    productionEnvironments: string[];
  }): DeployTargets {
    return new DeployTargets(options);
  }

  private constructor(options: {
    github?: GithubActionsApi;
    argocd?: ArgoCdClient;
    productionEnvironments: string[];
  }) {
    this.#github = options.github;
    this.#argocd = options.argocd;
    this.#productionEnvironments = options.productionEnvironments.map(e =>
      e.toLocaleLowerCase('en-US'),
    );
  }

  /** The ref a deploy workflow of this entity is dispatched on. */
  static workflowRef(entity: Entity): string | undefined {
    return entity.metadata.annotations?.[ANNOTATION_DEPLOY_REF];
  }

  resolve(entity: Entity, environment: string): ResolvedTarget {
    const annotations = entity.metadata.annotations ?? {};
    const workflow = annotations[ANNOTATION_DEPLOY_WORKFLOW];
    if (workflow) {
      const repository = annotations[ANNOTATION_GITHUB_PROJECT_SLUG];
      if (!repository) {
        return {
          target: null,
          problem: `${ANNOTATION_DEPLOY_WORKFLOW} needs ${ANNOTATION_GITHUB_PROJECT_SLUG} to name the repository`,
        };
      }
      if (!this.#github) {
        return {
          target: null,
          problem: 'GitHub is not configured (integrations.github)',
        };
      }
      return {
        target: { type: 'github-workflow', name: workflow, repository },
        problem: null,
      };
    }
    const app = this.#argoCdApp(annotations, environment);
    if (app) {
      if (!this.#argocd) {
        return {
          target: null,
          problem: 'Argo CD is not configured (pipelines.argocd)',
        };
      }
      return {
        target: { type: 'argocd', name: app, repository: null },
        problem: null,
      };
    }
    return {
      target: null,
      problem: `nothing deploys ${environment}: annotate the entity with ${ANNOTATION_DEPLOY_WORKFLOW} or ${ANNOTATION_ARGOCD_APPS}`,
    };
  }

  /** Runs the deploy; resolves to what GitHub or Argo CD answered. */
  async run(target: DeployTarget, order: DeployOrder): Promise<string> {
    if (target.type === 'github-workflow') {
      const ref = order.ref ?? 'main';
      await this.#github!.dispatchWorkflow(
        target.repository!,
        target.name,
        ref,
        {
          environment: order.environment,
          version: order.version,
          request_id: order.requestId,
          approved_by: order.approvedBy ?? '',
        },
      );
      return `GitHub accepted ${target.name} on ${ref} for ${order.version} to ${order.environment}`;
    }
    if (!order.sha) {
      throw new Error(`the commit of ${order.version} is unknown to sync to`);
    }
    await this.#argocd!.sync(target.name, order.sha);
    return `Argo CD is syncing ${target.name} to ${order.sha.slice(0, 12)}`;
  }

  async rerun(repository: string, runId: string): Promise<void> {
    if (!this.#github) {
      throw new Error('GitHub is not configured (integrations.github)');
    }
    await this.#github.rerunFailedJobs(repository, runId);
  }

  #argoCdApp(
    annotations: Record<string, string>,
    environment: string,
  ): string | undefined {
    const wanted = environment.toLocaleLowerCase('en-US');
    for (const pair of (annotations[ANNOTATION_ARGOCD_APPS] ?? '').split(',')) {
      const [env, app] = pair.split('=').map(part => part.trim());
      if (env && app && env.toLocaleLowerCase('en-US') === wanted) return app;
    }
    if (this.#productionEnvironments.includes(wanted)) {
      return annotations[ANNOTATION_ARGOCD_APP_NAME];
    }
    return undefined;
  }
}
