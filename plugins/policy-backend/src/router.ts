/*
 * The policy backend's HTTP API.
 *
 *   POST /decisions/:decisionPoint  decide one input; logged
 *   GET  /decisions                  the decision log (newest first)
 *   GET  /rules                      every rule of the loaded policy
 *   GET  /versions                   policy revisions decided with
 *
 * Every route needs a user or service credential. Inputs are validated
 * here (400 with a message); the decision log needs a read permission.
 */
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DECISION_POINTS,
  DecisionPoint,
  policyDecisionLogReadPermission,
} from '@finops/plugin-policy-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import { DecisionLogStore } from './database/DecisionLogStore';
import { PolicyVersionStore } from './database/PolicyVersionStore';
import { PolicyDecider } from './service/PolicyDecider';

/** Catalog entities with inline API definitions stay well below this. */
const MAX_BODY = '1mb';

const decisionPointSchema = z.enum(
  DECISION_POINTS as [DecisionPoint, ...DecisionPoint[]],
);
const decideBodySchema = z.object({ input: z.record(z.unknown()) }).strict();
const listQuerySchema = z.object({
  decisionPoint: decisionPointSchema.optional(),
  actor: z.string().min(1).max(255).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `Invalid ${what}: ${issue.path.join('.') || 'value'} ${issue.message}`,
    );
  }
  return result.data;
}

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  decider: PolicyDecider;
  decisionLog: DecisionLogStore;
  versions: PolicyVersionStore;
}): Promise<express.Router> {
  const { httpAuth, permissions, decider, decisionLog, versions } = options;
  const router = Router();
  router.use(express.json({ limit: MAX_BODY }));

  router.post('/decisions/:decisionPoint', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const decisionPoint = parse(
      decisionPointSchema,
      req.params.decisionPoint,
      'decision point',
    );
    const { input } = parse(decideBodySchema, req.body, 'request body');
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    const actor = principal.userEntityRef ?? principal.subject ?? 'unknown';
    res.json(await decider.decide(decisionPoint, input, actor));
  });

  router.get('/decisions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: policyDecisionLogReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the decision log');
    }
    const filter = parse(listQuerySchema, req.query, 'query');
    res.json({ items: await decisionLog.list(filter) });
  });

  router.get('/rules', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await decider.rules());
  });

  router.get('/versions', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await versions.list() });
  });

  return router;
}
