import { Entity } from '@backstage/catalog-model';
import {
  declaresSlos,
  entityAlertSelector,
  entityPrometheusSelector,
  entitySloDeclarations,
  isLabelSelector,
} from './annotations';

function entity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('label selectors', () => {
  it.each([
    'service="checkout"',
    '{service="checkout"}',
    'service="checkout", namespace=~"pay.*",env!="dev"',
    'job!~"a\\"b"',
  ])('accepts %s', selector => {
    expect(isLabelSelector(selector)).toBe(true);
  });

  it.each([
    'service=checkout',
    'service="checkout"} or vector(1) {',
    'sum(rate(x[5m]))',
    '',
    '1service="a"',
  ])('refuses %s', selector => {
    expect(isLabelSelector(selector)).toBe(false);
  });

  it('defaults to the service label and strips braces from the annotation', () => {
    expect(entityPrometheusSelector(entity())).toBe('service="checkout"');
    expect(
      entityPrometheusSelector(
        entity({ 'finops.io/prometheus-selector': '{app="co",env="prod"}' }),
      ),
    ).toBe('app="co",env="prod"');
  });

  it('names the annotation when the selector is not label matchers', () => {
    expect(() =>
      entityPrometheusSelector(
        entity({ 'finops.io/prometheus-selector': 'up == 0' }),
      ),
    ).toThrow(/finops.io\/prometheus-selector "up == 0" is not a list/);
  });

  it('filters alerts by the series selector unless told otherwise', () => {
    expect(
      entityAlertSelector(
        entity({ 'finops.io/prometheus-selector': 'app="co"' }),
      ),
    ).toBe('app="co"');
    expect(
      entityAlertSelector(
        entity({
          'finops.io/prometheus-selector': 'app="co"',
          'finops.io/alertmanager-selector': 'team="payments"',
        }),
      ),
    ).toBe('team="payments"');
  });
});

describe('SLO declarations', () => {
  it('reads availability and latency objectives over the window', () => {
    expect(
      entitySloDeclarations(
        entity({
          'finops.io/slo-availability': '99.95',
          'finops.io/slo-latency': '99% < 250ms',
          'finops.io/slo-window': '7d',
        }),
      ),
    ).toEqual({
      slos: [
        { kind: 'availability', objective: 0.9995, windowDays: 7 },
        {
          kind: 'latency',
          objective: 0.99,
          thresholdSeconds: 0.25,
          windowDays: 7,
        },
      ],
      errors: [],
    });
  });

  it('takes seconds and defaults the window to 28 days', () => {
    expect(
      entitySloDeclarations(entity({ 'finops.io/slo-latency': '95 < 1.5s' }))
        .slos,
    ).toEqual([
      {
        kind: 'latency',
        objective: 0.95,
        thresholdSeconds: 1.5,
        windowDays: 28,
      },
    ]);
  });

  it('reports each malformed declaration and keeps the others', () => {
    const declarations = entitySloDeclarations(
      entity({
        'finops.io/slo-availability': '100',
        'finops.io/slo-latency': '99% < 250ms',
        'finops.io/slo-window': '4w',
      }),
    );
    expect(declarations.slos).toEqual([
      {
        kind: 'latency',
        objective: 0.99,
        thresholdSeconds: 0.25,
        windowDays: 28,
      },
    ]);
    expect(declarations.errors).toEqual([
      'finops.io/slo-window "4w" is not a number of days from 1d to 90d, e.g. 28d; using 28d',
      'finops.io/slo-availability "100" is not a percentage below 100, e.g. 99.9',
    ]);
  });

  it.each(['high', '99.9%%', '0', '-1', '99,9'])(
    'refuses the availability %s',
    value => {
      const { slos, errors } = entitySloDeclarations(
        entity({ 'finops.io/slo-availability': value }),
      );
      expect(slos).toEqual([]);
      expect(errors).toHaveLength(1);
    },
  );

  it.each(['99%', '< 250ms', '99% < 0ms', '99% > 250ms', '99% < 250'])(
    'refuses the latency %s',
    value => {
      const { slos, errors } = entitySloDeclarations(
        entity({ 'finops.io/slo-latency': value }),
      );
      expect(slos).toEqual([]);
      expect(errors[0]).toMatch(/finops.io\/slo-latency/);
    },
  );

  it('knows whether an entity declares SLOs at all', () => {
    expect(declaresSlos(entity())).toBe(false);
    expect(declaresSlos(entity({ 'finops.io/slo-availability': 'x' }))).toBe(
      true,
    );
  });
});
