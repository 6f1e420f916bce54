import {
  initialDraft,
  newKey,
  problemsOf,
  type ProvisionDraft,
  splitList,
  toProvisionInput,
  withoutValues,
} from './provisionForm';

const entityRef = 'component:default/card-payments';

function draft(): ProvisionDraft {
  const base = initialDraft('production');
  const generated = { ...newKey('password'), length: 48 };
  const supplied = {
    ...newKey('api-token'),
    source: 'supply' as const,
    value: 's3cr3t-from-the-vendor',
  };
  return {
    ...base,
    secrets: [
      { ...base.secrets[0], name: 'database', keys: [generated, supplied] },
    ],
    wrap: true,
  };
}

describe('provisionForm', () => {
  it('sends supplied values only when provisioning, never in a preview', () => {
    const preview = toProvisionInput(entityRef, draft(), { dryRun: true });
    const provision = toProvisionInput(entityRef, draft(), { dryRun: false });

    expect(preview).toEqual({
      entityRef,
      environment: 'production',
      secrets: [
        {
          name: 'database',
          keys: [{ key: 'password', length: 48 }, { key: 'api-token' }],
        },
      ],
      auth: { method: 'approle' },
      dryRun: true,
    });
    expect(provision.secrets[0].keys[1]).toEqual({
      key: 'api-token',
      value: 's3cr3t-from-the-vendor',
    });
    expect(provision.wrap).toBe(true);
    expect(provision.dryRun).toBeUndefined();
  });

  it('asks for no wrapping token when nothing is generated', () => {
    const onlySupplied = draft();
    onlySupplied.secrets[0].keys = [onlySupplied.secrets[0].keys[1]];

    expect(
      toProvisionInput(entityRef, onlySupplied, { dryRun: false }).wrap,
    ).toBeUndefined();
  });

  it('binds a Kubernetes role to the listed service accounts and namespaces', () => {
    const kubernetes = {
      ...draft(),
      authMethod: 'kubernetes' as const,
      serviceAccounts: 'card-payments, card-payments-worker,',
      namespaces: ' payments ',
    };

    expect(
      toProvisionInput(entityRef, kubernetes, { dryRun: true }).auth,
    ).toEqual({
      method: 'kubernetes',
      serviceAccounts: ['card-payments', 'card-payments-worker'],
      namespaces: ['payments'],
    });
    expect(
      problemsOf({ ...kubernetes, namespaces: '' }, { withValues: false }).get(
        'namespaces',
      ),
    ).toBe('One or more namespaces, separated by commas.');
  });

  it('points at each field the backend would refuse', () => {
    const bad = draft();
    bad.environment = 'Prod';
    bad.secrets.push({ ...bad.secrets[0], id: 'twin' });
    bad.secrets[0].keys[0] = { ...bad.secrets[0].keys[0], length: 8 };
    bad.secrets[0].keys[1] = { ...bad.secrets[0].keys[1], value: '' };

    const problems = problemsOf(bad, { withValues: true });

    expect(problems.get('environment')).toMatch(/Lower-case letters/);
    expect(problems.get('twin')).toBe('Another secret has this name.');
    expect(problems.get(`${bad.secrets[0].keys[0].id}:length`)).toBe(
      'Between 16 and 128.',
    );
    expect(problems.get(`${bad.secrets[0].keys[1].id}:value`)).toBe(
      'Type the value, or generate it.',
    );
    // A preview sends no value, so a missing one does not stop it.
    expect(
      problemsOf(bad, { withValues: false }).has(
        `${bad.secrets[0].keys[1].id}:value`,
      ),
    ).toBe(false);
  });

  it('forgets every supplied value', () => {
    const cleared = withoutValues(draft());

    expect(cleared.secrets[0].keys.map(k => k.value)).toEqual(['', '']);
    expect(cleared.secrets[0].keys[1].source).toBe('supply');
  });

  it('splits comma-separated lists', () => {
    expect(splitList(' a, b,,c ')).toEqual(['a', 'b', 'c']);
  });
});
