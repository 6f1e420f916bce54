/*
 * The policy backend's HTTP API (src/schema/openapi.yaml).
 *
 *   POST /decisions/:point          decide one input; logged
 *   GET  /decisions                  the decision log (read permission)
 *   GET  /rules, /versions           the policy now loaded and its history
 *   POST /entities/evaluate          the catalog module's per-entity check
 *   GET  /entities/:k/:ns/:n/compliance, /posture
 *   GET  /exceptions, POST /exceptions, POST /exceptions/:id/{approve,reject}
 *
 * The generated router checks every request against the spec (400 with a
 * message); what the spec cannot say is checked in the services. Every
 * route needs a credential and a permission, except two: POST /decisions is
 * how the permission policy itself decides (checking a permission there
 * would ask the policy about asking the policy), and POST
 * /entities/evaluate takes service credentials only. Every change is an
 * auditor event.
 */
import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  policyDecisionLogReadPermission,
  policyExceptionApprovePermission,
  policyReadPermission,
  policyExceptionCreatePermission,
} from '@finops/plugin-policy-common';
import { Entity } from '@backstage/catalog-model';
import { invalidTextAs400, upstreamErrorAsOwn } from '@finops/backend-common';
import express from 'express';
import { DecisionLogStore } from './database/DecisionLogStore';
import { ExceptionStore } from './database/ExceptionStore';
import { PolicyVersionStore } from './database/PolicyVersionStore';
import { ViolationStore } from './database/ViolationStore';
import { createOpenApiRouter } from './schema/openapi';
import { EntityComplianceChecker } from './service/EntityComplianceChecker';
import { ExceptionWorkflow } from './service/ExceptionWorkflow';
import { PolicyDecider } from './service/PolicyDecider';

/** The generated router types each route's request; these helpers take any. */
type AnyRequest = express.Request<any, any, any, any, any>;

/** Catalog entities with inline API definitions stay well below this. */
const MAX_BODY = '1mb';
const DEFAULT_POSTURE_DAYS = 30;

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  decider: PolicyDecider;
  decisionLog: DecisionLogStore;
  versions: PolicyVersionStore;
  violations: ViolationStore;
  exceptions: ExceptionStore;
  checker: EntityComplianceChecker;
  workflow: ExceptionWorkflow;
}): Promise<express.Router> {
  const { httpAuth, permissions, auditor, decider } = options;
  const router = await createOpenApiRouter();
  router.use(express.json({ limit: MAX_BODY }));

  async function check(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    refusal: string,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(refusal);
    }
  }

  /** A signed-in user the policy grants `permission`. */
  async function authorizeUser(
    req: AnyRequest,
    permission: BasicPermission,
    refusal: string,
  ) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await check(credentials, permission, refusal);
    return credentials;
  }

  /** A user or plugin the policy grants `permission` (default: reading). */
  async function authorizeRead(
    req: AnyRequest,
    permission: BasicPermission = policyReadPermission,
    refusal = 'You may not read compliance data',
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await check(credentials, permission, refusal);
  }

  router.post('/decisions/:decisionPoint', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    res.json(
      await decider.decide(req.params.decisionPoint, req.body.input, {
        actor: principal.userEntityRef ?? principal.subject ?? 'unknown',
        subject: req.body.subject,
      }),
    );
  });

  router.get('/decisions', async (req, res) => {
    await authorizeRead(
      req,
      policyDecisionLogReadPermission,
      'You may not read the decision log',
    );
    res.json(await options.decisionLog.list(req.query));
  });

  router.get('/rules', async (req, res) => {
    await authorizeRead(req);
    res.json({ ...(await decider.currentVersion()), current: true });
  });

  router.get('/versions', async (req, res) => {
    await authorizeRead(req);
    const [versions, current] = await Promise.all([
      options.versions.list(),
      decider.revision().catch(() => undefined),
    ]);
    res.json({
      items: versions.map(v => ({ ...v, current: v.revision === current })),
    });
  });

  router.post('/entities/evaluate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service'],
    });
    const entity = req.body.entity as unknown as Entity;
    if (typeof entity.kind !== 'string' || !entity.metadata?.name) {
      throw new InputError('entity needs a kind and a metadata.name');
    }
    res.json(
      await options.checker.evaluate(
        entity,
        (credentials.principal as { subject: string }).subject,
      ),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/compliance',
    async (req, res) => {
      await authorizeRead(req);
      res.json(await options.checker.get(stringifyEntityRef(req.params)));
    },
  );

  router.get('/posture', async (req, res) => {
    await authorizeRead(req);
    const [posture, revision] = await Promise.all([
      options.violations.posture({
        days: req.query.days ?? DEFAULT_POSTURE_DAYS,
        now: new Date(),
      }),
      decider.revision().catch(() => null),
    ]);
    res.json({ revision, ...posture });
  });

  router.get('/exceptions', async (req, res) => {
    await authorizeRead(req);
    res.json({ items: await options.exceptions.list(req.query) });
  });

  router.post('/exceptions', async (req, res) => {
    const event = await auditor.createEvent({
      eventId: 'policy-exception-request',
      severityLevel: 'medium',
      meta: { entityRef: req.body.entityRef, rule: req.body.rule },
      request: req,
    });
    try {
      const credentials = await authorizeUser(
        req,
        policyExceptionCreatePermission,
        'You may not request policy exceptions',
      );
      const created = await options.workflow.request(req.body, credentials);
      await event.success({ meta: { exceptionId: created.id } });
      res.status(201).json(created);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  for (const [action, status] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    router.post(`/exceptions/:id/${action}`, async (req, res) => {
      const event = await auditor.createEvent({
        eventId: 'policy-exception-review',
        severityLevel: 'high',
        meta: { exceptionId: req.params.id, decision: status },
        request: req,
      });
      try {
        const credentials = await authorizeUser(
          req,
          policyExceptionApprovePermission,
          'PERM-APPROVER-001: only security approvers review policy exceptions',
        );
        const reviewed = await options.workflow.review(
          req.params.id,
          { status, comment: req.body?.comment },
          credentials,
        );
        await event.success({
          meta: { entityRef: reviewed.entityRef, rule: reviewed.rule },
        });
        res.json(reviewed);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    });
  }

  // A NUL in a request's text: 400, not PostgreSQL's 500.
  router.use(invalidTextAs400);
  // The catalog's or the permission backend's refusal, with its reason.
  router.use(upstreamErrorAsOwn);
  return router;
}
