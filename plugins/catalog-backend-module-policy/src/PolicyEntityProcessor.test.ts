import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityCompliance } from '@finops/plugin-policy-common';
import { PolicyService } from '@finops/plugin-policy-node';
import { PolicyEntityProcessor } from './PolicyEntityProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'card-payments' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
};

const violation = (rule: string) => ({
  rule,
  severity: 'high' as const,
  message: `${rule} fired`,
  remediation: `Fix ${rule}.`,
  frameworks: ['SOC 2 CC1.3'],
});

function compliance(
  blocking: string[] | undefined,
  rules: string[],
): EntityCompliance {
  return {
    entityRef: 'component:default/card-payments',
    status: rules.length ? 'fail' : 'pass',
    revision: 'rev1',
    evaluatedAt: '2026-11-28T10:00:00.000Z',
    reason: null,
    violations: rules.map(violation),
    excepted: [],
    exceptions: [],
    ...(blocking && { blocking }),
  };
}

function processorWith(
  evaluateEntity: PolicyService['evaluateEntity'],
  enforce = true,
) {
  const logger = mockServices.logger.mock();
  const processor = PolicyEntityProcessor.create({
    policy: { evaluateEntity: jest.fn(evaluateEntity) },
    auth: mockServices.auth(),
    logger,
    enforce,
  });
  return { processor, logger };
}

describe('PolicyEntityProcessor', () => {
  it('lets an entity with only reporting violations through', async () => {
    const { processor } = processorWith(async () =>
      compliance([], ['CAT-PCI-002']),
    );
    const emit = jest.fn();
    await expect(
      processor.postProcessEntity(entity, location, emit),
    ).resolves.toBe(entity);
    expect(emit).not.toHaveBeenCalled();
  });

  it('refuses an entity that breaks an enforcing rule, saying how to fix it', async () => {
    const { processor } = processorWith(async () =>
      compliance(['CAT-OWNER-001'], ['CAT-OWNER-001', 'CAT-PCI-002']),
    );
    const emit = jest.fn();
    await processor.postProcessEntity(entity, location, emit);
    expect(emit).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({
          message:
            'Refused by policy finops.catalog: CAT-OWNER-001 (CAT-OWNER-001 fired): Fix CAT-OWNER-001.',
        }),
      }),
    );
  });

  it('only reports when enforcement is off', async () => {
    const { processor } = processorWith(
      async () =>
        compliance(['CAT-OWNER-001'], ['CAT-OWNER-001', 'CAT-PCI-002']),
      false,
    );
    const emit = jest.fn();
    await processor.postProcessEntity(entity, location, emit);
    expect(emit).not.toHaveBeenCalled();
  });

  it('never blocks ingestion when the policy backend cannot answer', async () => {
    const { processor, logger } = processorWith(async () => {
      throw new Error('The policy backend did not answer');
    });
    const emit = jest.fn();
    await expect(
      processor.postProcessEntity(entity, location, emit),
    ).resolves.toBe(entity);
    expect(emit).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      'Policy check of component:default/card-payments skipped',
      { error: 'The policy backend did not answer' },
    );
  });

  it('lets an entity whose policy was unknown through', async () => {
    const { processor } = processorWith(async () => ({
      ...compliance(undefined, []),
      status: 'unknown',
    }));
    const emit = jest.fn();
    await processor.postProcessEntity(entity, location, emit);
    expect(emit).not.toHaveBeenCalled();
  });
});
