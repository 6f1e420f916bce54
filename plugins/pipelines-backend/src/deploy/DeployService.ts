import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  DeployAction,
  DeployCheck,
  DeployRequest,
  DeployRequestInput,
  pipelinesDeployApprovePermission,
  pipelinesDeployPermission,
} from '@finops/plugin-pipelines-common';
import { declaresSlos } from '@finops/plugin-health-common';
import { ErrorBudgetService } from '@finops/plugin-health-node';
import { PolicyDecision } from '@finops/plugin-policy-common';
import { PolicyService } from '@finops/plugin-policy-node';
import { ANNOTATION_GITHUB_USER_LOGIN } from '../annotations';
import { ChangeStore } from '../database/ChangeStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { DeployRequestStore } from '../database/DeployRequestStore';
import { RunStore } from '../database/RunStore';
import { normalizeEntityRef } from '../ingestion/CatalogEntityIndex';
import {
  errorBudgetFacts,
  FreezeWindow,
  freezeWindowsInput,
  openViolations,
  soxScoped,
} from './deployFacts';
import { DeployTargets } from './DeployTargets';
import { PipelineSignals } from '../PipelineSignals';

/** The rule that asks for an approver: the only one an approval clears. */
const APPROVAL_RULE = 'DEP-APPROVAL-001';
/** Re-runs are checked as a deploy to this (never production) environment. */
const RERUN_ENVIRONMENT = 'ci';
const FAILED_CONCLUSIONS = [
  'failure',
  'timed_out',
  'cancelled',
  'startup_failure',
];

type Action = DeployAction | 'rerun';

interface Decided {
  check: DeployCheck;
  entity: Entity;
}

/**
 * Deploys, promotions, roll-backs and re-runs, gated by finops.deploy:
 *
 * 1. the caller must hold `pipelines.deploy` on the entity (its owners);
 * 2. the facts are gathered here, never taken from the caller: who wrote
 *    the commits shipped (from the recorded pushes and merges), the
 *    entity's open violations (policy backend), SOX scope, freeze windows,
 *    error budget;
 * 3. the policy decides through the PolicyService, so the decision log
 *    has each one. Allowed: it runs at once. Only an approver missing: a
 *    pending request waits for someone else (`pipelines.deploy.approve`),
 *    and the policy decides again with that person as approver, so the
 *    requester and the authors can never approve it. Anything else: 403,
 *    nothing stored.
 *
 * When a fact cannot be read (catalog, policy backend) it throws, and the
 * deploy does not happen: fail closed.
 */
export class DeployService {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #permissions: PermissionsService;
  readonly #policy: Pick<PolicyService, 'decide' | 'getEntityCompliance'>;
  readonly #errorBudgets: ErrorBudgetService;
  readonly #runs: RunStore;
  readonly #deployments: DeploymentStore;
  readonly #changes: ChangeStore;
  readonly #requests: DeployRequestStore;
  readonly #targets: DeployTargets;
  readonly #freezeWindows: FreezeWindow[];
  readonly #logger: LoggerService;
  readonly #signals: PipelineSignals | undefined;
  readonly #now: () => number;

  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    permissions: PermissionsService;
    policy: Pick<PolicyService, 'decide' | 'getEntityCompliance'>;
    errorBudgets: ErrorBudgetService;
    runs: RunStore;
    deployments: DeploymentStore;
    changes: ChangeStore;
    requests: DeployRequestStore;
    targets: DeployTargets;
    freezeWindows: FreezeWindow[];
    logger: LoggerService;
    signals?: PipelineSignals;
    now?: () => number;
  }): DeployService {
    return new DeployService(options);
  }

  private constructor(options: Parameters<typeof DeployService.create>[0]) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#permissions = options.permissions;
    this.#policy = options.policy;
    this.#errorBudgets = options.errorBudgets;
    this.#runs = options.runs;
    this.#deployments = options.deployments;
    this.#changes = options.changes;
    this.#requests = options.requests;
    this.#targets = options.targets;
    this.#freezeWindows = options.freezeWindows;
    this.#logger = options.logger;
    this.#signals = options.signals;
    this.#now = options.now ?? Date.now;
  }

  /** What the policy says about the caller's deploy; nothing runs. */
  async check(
    input: DeployRequestInput,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<DeployCheck> {
    return (await this.#decide(input, credentials)).check;
  }

  /** Runs the deploy, or stores it pending approval; 403 if refused. */
  async request(
    input: DeployRequestInput,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<DeployRequest> {
    const { check, entity } = await this.#decide(input, credentials);
    refuseUnlessRunnable(check);
    const request = {
      entityRef: normalizeEntityRef(input.entityRef),
      action: input.action,
      environment: input.environment,
      version: input.version,
      sha: check.sha,
      requestedBy: credentials.principal.userEntityRef,
      commitAuthors: check.commitAuthors,
      target: check.target,
    };
    if (check.outcome === 'approval-required') {
      const pending = await this.#requests.create(request, {
        status: 'pending',
        message: null,
        now: this.#now(),
      });
      this.#signals?.changed(pending.entityRef, 'requests');
      return pending;
    }
    // Stored before it runs, so that the workflow gets the request's id.
    const created = await this.#requests.create(request, {
      status: 'dispatched',
      message: null,
      now: this.#now(),
    });
    const outcome = await this.#run(entity, created, null);
    return this.#finish(created.id, outcome);
  }

  /**
   * Approves a pending request as the caller: the policy decides again
   * with the caller as approver and today's facts, then it runs.
   */
  async approve(
    id: string,
    comment: string | null,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<DeployRequest> {
    const pending = await this.#pending(id, credentials);
    const { check, entity } = await this.#decide(
      {
        entityRef: pending.entityRef,
        action: pending.action,
        environment: pending.environment,
        version: pending.version,
      },
      credentials,
      {
        deployer: pending.requestedBy,
        approver: credentials.principal.userEntityRef,
        permission: pipelinesDeployApprovePermission,
      },
    );
    if (check.outcome !== 'allowed') {
      throw new NotAllowedError(refusal(check, 'approve'));
    }
    if (!check.target) {
      throw new ConflictError(
        `Nothing can run this deploy: ${check.targetProblem}`,
      );
    }
    const claimed = await this.#requests.review(id, {
      status: 'dispatched',
      reviewedBy: credentials.principal.userEntityRef,
      comment,
      message: null,
      now: this.#now(),
    });
    if (!claimed) {
      throw new ConflictError(`Deploy request ${id} was reviewed meanwhile`);
    }
    const outcome = await this.#run(
      entity,
      { ...pending, sha: check.sha ?? pending.sha, target: check.target },
      credentials.principal.userEntityRef,
    );
    return this.#finish(id, outcome);
  }

  async reject(
    id: string,
    comment: string | undefined,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<DeployRequest> {
    if (!comment?.trim()) {
      throw new InputError('Say why the deploy is rejected (comment)');
    }
    const pending = await this.#pending(id, credentials);
    await this.#authorize(
      pipelinesDeployApprovePermission,
      pending.entityRef,
      credentials,
    );
    const reviewed = await this.#requests.review(id, {
      status: 'rejected',
      reviewedBy: credentials.principal.userEntityRef,
      comment: comment.trim(),
      message: null,
      now: this.#now(),
    });
    if (!reviewed) {
      throw new ConflictError(`Deploy request ${id} was reviewed meanwhile`);
    }
    this.#signals?.changed(pending.entityRef, 'requests');
    return (await this.#requests.get(id))!;
  }

  /** Re-runs the failed jobs of a failed run, if the policy allows it. */
  async rerun(
    runId: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<DeployCheck> {
    const run = await this.#runs.getRun(runId);
    if (!run) throw new NotFoundError(`No workflow run ${runId}`);
    if (!FAILED_CONCLUSIONS.includes(run.conclusion ?? '')) {
      throw new ConflictError(
        `Run ${runId} did not fail (${
          run.conclusion ?? run.status
        }): only failed jobs are re-run`,
      );
    }
    const { check } = await this.#decide(
      {
        entityRef: run.entityRef,
        action: 'rerun',
        environment: RERUN_ENVIRONMENT,
        version: run.headSha,
      },
      credentials,
    );
    if (check.outcome !== 'allowed') {
      throw new NotAllowedError(refusal(check, 'rerun'));
    }
    try {
      await this.#targets.rerun(run.repository, run.id);
    } catch (error) {
      throw new ServiceUnavailableError(
        `GitHub did not re-run ${run.workflowName} #${run.runNumber}: ${
          (error as Error).message
        }`,
      );
    }
    return check;
  }

  async #finish(
    id: string,
    outcome: { status: 'dispatched' | 'failed'; message: string },
  ): Promise<DeployRequest> {
    await this.#requests.setOutcome(id, outcome);
    const request = (await this.#requests.get(id))!;
    this.#signals?.changed(request.entityRef, 'requests');
    return request;
  }

  async #pending(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<DeployRequest> {
    const request = await this.#requests.get(id);
    if (!request) throw new NotFoundError(`No deploy request ${id}`);
    // Reading the entity with the caller's access: one they cannot see
    // is not found, as in the catalog.
    await this.#entity(request.entityRef, credentials);
    if (request.status !== 'pending') {
      throw new ConflictError(
        `Deploy request ${id} is ${request.status}, not pending`,
      );
    }
    return request;
  }

  async #decide(
    input: Omit<DeployRequestInput, 'action'> & { action: Action },
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    review?: {
      deployer: string;
      approver: string;
      permission: ResourcePermission<'catalog-entity'>;
    },
  ): Promise<Decided> {
    const entityRef = normalizeEntityRef(input.entityRef);
    const entity = await this.#entity(entityRef, credentials);
    await this.#authorize(
      review?.permission ?? pipelinesDeployPermission,
      entityRef,
      credentials,
    );
    // What the environment runs now: the base of the authors, and what a
    // roll-back must differ from.
    const base = await this.#deployments.current(entityRef, input.environment);
    const sha = await this.#shaOf(entityRef, input, base?.sha ?? null);
    const [authors, compliance, budget] = await Promise.all([
      this.#changes.authorsOf(entityRef, sha, base?.sha ?? null),
      this.#policy.getEntityCompliance(parseEntityRef(entityRef), {
        credentials,
      }),
      declaresSlos(entity)
        ? this.#errorBudgets.getErrorBudget(entityRef, { credentials })
        : undefined,
    ]);
    if (budget && budget.errorBudgetRemaining === null) {
      this.#logger.warn(
        `The error budget of ${entityRef} is unknown, so finops.deploy refuses production: ${budget.reason}`,
      );
    }
    if (
      compliance.status === 'unknown' ||
      compliance.status === 'not-evaluated'
    ) {
      throw new ServiceUnavailableError(
        `The compliance of ${entityRef} is ${compliance.status}${
          compliance.reason ? ` (${compliance.reason})` : ''
        }: deploys wait until the policy has evaluated it`,
      );
    }
    const commitAuthors = authors.known
      ? await this.#userRefs(authors.logins)
      : [];
    const decision = await this.#policy.decide(
      'deploy',
      {
        entity,
        environment: input.environment,
        version: input.version,
        action: input.action,
        deployer: review?.deployer ?? credentials.principal.userEntityRef,
        approver: review?.approver ?? null,
        commit_authors: commitAuthors,
        sox_scoped: soxScoped(entity),
        now_ns: this.#now() * 1e6,
        freeze_windows: freezeWindowsInput(this.#freezeWindows),
        open_violations: openViolations(compliance),
        ...errorBudgetFacts(entity, budget?.errorBudgetRemaining ?? null),
      },
      { credentials, subject: entityRef },
    );
    const resolved =
      input.action === 'rerun'
        ? { target: null, problem: null }
        : this.#targets.resolve(entity, input.environment);
    return {
      entity,
      check: {
        outcome: outcomeOf(decision),
        violations: decision.violations,
        excepted: decision.excepted,
        revision: decision.revision,
        sha,
        commitAuthors,
        target: resolved.target,
        targetProblem: resolved.problem,
      },
    };
  }

  /**
   * The commit a version stands for, checked against the action: a
   * promotion ships what runs somewhere already, a roll-back what ran in
   * this environment before.
   */
  async #shaOf(
    entityRef: string,
    input: { action: Action; environment: string; version: string },
    currentSha: string | null,
  ): Promise<string | null> {
    if (input.action === 'rerun') return input.version;
    const env = input.action === 'rollback' ? input.environment : undefined;
    const deployed = await this.#deployments.succeeded(
      entityRef,
      input.version,
      env,
    );
    if (input.action === 'promote' && !deployed) {
      throw new InputError(
        `${input.version} was never deployed successfully: there is nothing to promote`,
      );
    }
    if (input.action === 'rollback') {
      if (!deployed) {
        throw new InputError(
          `${input.environment} never ran ${input.version} successfully: pick a version from its history`,
        );
      }
      if (currentSha === deployed.sha) {
        throw new InputError(
          `${input.environment} runs ${input.version} already: pick an earlier version`,
        );
      }
    }
    if (deployed) return deployed.sha;
    return (await this.#changes.isHead(entityRef, input.version))
      ? input.version
      : null;
  }

  async #run(
    entity: Entity,
    request: DeployRequest,
    approvedBy: string | null,
  ): Promise<{ status: 'dispatched' | 'failed'; message: string }> {
    try {
      const message = await this.#targets.run(request.target!, {
        requestId: request.id,
        environment: request.environment,
        version: request.version,
        sha: request.sha,
        requestedBy: request.requestedBy,
        approvedBy,
        ref: DeployTargets.workflowRef(entity),
      });
      return { status: 'dispatched', message };
    } catch (error) {
      this.#logger.warn(`Deploy request ${request.id} failed to start`, {
        entityRef: request.entityRef,
        error: (error as Error).message,
      });
      return { status: 'failed', message: (error as Error).message };
    }
  }

  async #entity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    return entity;
  }

  async #authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.#permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        permission === pipelinesDeployPermission
          ? `Only the owners of ${entityRef} deploy it`
          : `Only the owners of ${entityRef} review its deploys`,
      );
    }
  }

  /**
   * GitHub logins as catalog users: the User annotated with
   * `github.com/user-login`, else the user of that name (as GitHub org
   * ingestion names them).
   */
  async #userRefs(logins: string[]): Promise<string[]> {
    if (logins.length === 0) return [];
    const { items } = await this.#catalog.getEntities(
      {
        filter: {
          kind: 'User',
          [`metadata.annotations.${ANNOTATION_GITHUB_USER_LOGIN}`]: logins,
        },
        fields: ['kind', 'metadata'],
      },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    const byLogin = new Map(
      items.map(user => [
        user.metadata.annotations![
          ANNOTATION_GITHUB_USER_LOGIN
        ].toLocaleLowerCase('en-US'),
        stringifyEntityRef(user).toLocaleLowerCase('en-US'),
      ]),
    );
    return [
      ...new Set(
        logins.map(login => {
          const key = login.toLocaleLowerCase('en-US');
          return byLogin.get(key) ?? `user:default/${key}`;
        }),
      ),
    ].sort();
  }
}

function outcomeOf(decision: PolicyDecision): DeployCheck['outcome'] {
  if (decision.allow) return 'allowed';
  return decision.violations.every(v => v.rule === APPROVAL_RULE)
    ? 'approval-required'
    : 'refused';
}

function refusal(check: DeployCheck, what: string): string {
  const rules = check.violations.map(v => `${v.rule}: ${v.message}`).join('; ');
  return `finops.deploy refuses to ${what}: ${rules}`;
}

function refuseUnlessRunnable(check: DeployCheck): void {
  if (check.outcome === 'refused') {
    throw new NotAllowedError(refusal(check, 'deploy'));
  }
  if (!check.target) {
    throw new InputError(`Nothing can run this deploy: ${check.targetProblem}`);
  }
}
