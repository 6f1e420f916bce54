import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  MAX_EXCEPTION_DAYS,
  NewPolicyException,
  PolicyException,
  policyExceptionApprovePermission,
} from '@finops/plugin-policy-common';
import { PermissionRoles } from '@finops/plugin-policy-node';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ExceptionStore } from '../database/ExceptionStore';
import { EntityComplianceChecker } from './EntityComplianceChecker';
import { PolicyDecider } from './PolicyDecider';

const DAY_MS = 86_400_000;

/**
 * Exceptions, maker-checker: anyone signed in may ask for one, with a
 * justification, a compensating control and an expiry at most 90 days
 * away; only a security approver who is not the requester may approve or
 * reject it. The second rule is checked here and by `finops.permission`
 * (PERM-SOD-001), so neither a code change nor a policy change alone can
 * let someone approve their own exception.
 */
export class ExceptionWorkflow {
  readonly #store: ExceptionStore;
  readonly #decider: PolicyDecider;
  readonly #checker: EntityComplianceChecker;
  readonly #catalog: CatalogService;
  readonly #userInfo: UserInfoService;
  readonly #auth: AuthService;
  readonly #roles: PermissionRoles;

  static create(options: {
    store: ExceptionStore;
    decider: PolicyDecider;
    checker: EntityComplianceChecker;
    catalog: CatalogService;
    userInfo: UserInfoService;
    auth: AuthService;
    roles: PermissionRoles;
  }): ExceptionWorkflow {
    return new ExceptionWorkflow(options);
  }

  private constructor(options: Parameters<typeof ExceptionWorkflow.create>[0]) {
    this.#store = options.store;
    this.#decider = options.decider;
    this.#checker = options.checker;
    this.#catalog = options.catalog;
    this.#userInfo = options.userInfo;
    this.#auth = options.auth;
    this.#roles = options.roles;
  }

  async request(
    request: NewPolicyException,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<PolicyException> {
    const now = new Date();
    const expiresAt = new Date(request.expiresAt);
    if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) {
      throw new InputError('expiresAt must be a time in the future');
    }
    if (expiresAt.getTime() - now.getTime() > MAX_EXCEPTION_DAYS * DAY_MS) {
      throw new InputError(
        `expiresAt must be at most ${MAX_EXCEPTION_DAYS} days away`,
      );
    }
    const entityRef = normalizeRef(request.entityRef);
    const { rules } = await this.#decider.currentVersion();
    const rule = rules.find(r => r.id === request.rule);
    if (!rule || rule.decisionPoint === 'permission') {
      throw new InputError(`${request.rule} is not a rule exceptions apply to`);
    }
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(`${entityRef} is not in the catalog`);
    }
    return this.#store.create({
      entityRef,
      rule: rule.id,
      justification: request.justification.trim(),
      compensatingControl: request.compensatingControl.trim(),
      expiresAt,
      requestedBy: credentials.principal.userEntityRef,
      requestedAt: now,
    });
  }

  async review(
    id: string,
    review: { status: 'approved' | 'rejected'; comment?: string },
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<PolicyException> {
    const exception = await this.#store.get(id);
    const reviewer = credentials.principal.userEntityRef;
    if (
      normalizeUserRef(exception.requestedBy) === normalizeUserRef(reviewer)
    ) {
      throw new NotAllowedError(
        'PERM-SOD-001: nobody reviews their own exception',
      );
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      credentials,
    );
    const entity = await this.#catalog.getEntityByRef(exception.entityRef, {
      credentials: await this.#auth.getOwnServiceCredentials(),
    });
    const decision = await this.#decider.decide(
      'permission',
      {
        permission: {
          name: policyExceptionApprovePermission.name,
          attributes: policyExceptionApprovePermission.attributes,
          resourceType: 'policy-exception',
        },
        user: { ref: reviewer, groups: ownershipEntityRefs },
        resource: {
          owner:
            (entity?.spec as { owner?: string } | undefined)?.owner ?? null,
          requester: exception.requestedBy,
        },
        config: this.#roles,
      },
      { actor: reviewer, subject: exception.entityRef },
    );
    if (!decision.allow) {
      throw new NotAllowedError(decision.reason ?? 'Not allowed');
    }
    const reviewed = await this.#store.review(id, {
      ...review,
      reviewedBy: reviewer,
      reviewedAt: new Date(),
    });
    if (reviewed.status === 'approved') {
      await this.#checker.reevaluate(reviewed.entityRef);
    }
    return reviewed;
  }

  /** Lapses exceptions past their expiry and re-checks their entities. */
  async expire(now = new Date()): Promise<PolicyException[]> {
    const expired = await this.#store.expireDue(now);
    for (const entityRef of new Set(expired.map(e => e.entityRef))) {
      await this.#checker.reevaluate(entityRef);
    }
    return expired;
  }
}

function normalizeRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

function normalizeUserRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'user', defaultNamespace: 'default' }),
  );
}
