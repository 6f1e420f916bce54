import {
  cardPayments,
  fxRates,
  kafkaConsumerTemplate,
  ledgerApi,
  legacyBatch,
  onboardingWeb,
  reactWebsiteTemplate,
  service,
  springBootTemplate,
  statementsWeb,
} from './__testUtils__/fixtures';
import { sourceTemplateRef, sourceTemplateSpellings } from './annotations';
import { countBehind, countDrift, groupByTemplate } from './goldenPaths';

describe('groupByTemplate', () => {
  const groups = groupByTemplate(
    [springBootTemplate, reactWebsiteTemplate, kafkaConsumerTemplate],
    [
      cardPayments,
      ledgerApi,
      fxRates,
      statementsWeb,
      onboardingWeb,
      legacyBatch,
    ],
  );

  it('lists every template by title, and the services of gone templates last', () => {
    expect(groups.map(g => g.template?.title ?? '(gone)')).toEqual([
      'Kafka consumer',
      'React website',
      'Spring Boot service',
      '(gone)',
    ]);
  });

  it('matches template refs however they are spelled, most urgent first', () => {
    const springBoot = groups[2];
    expect(
      springBoot.services.map(s => [s.id, s.drift.status, s.owner, s.system]),
    ).toEqual([
      [
        'component:default/fx-rates',
        'behind-major',
        'group:default/markets',
        'system:default/markets-data',
      ],
      [
        'component:default/ledger-api',
        'behind-minor',
        'group:default/payments',
        'system:default/ledger',
      ],
      [
        'component:default/card-payments',
        'current',
        'group:default/payments',
        'system:default/ledger',
      ],
    ]);
    expect(countBehind(springBoot.services)).toBe(2);
  });

  it('cannot compare what names a template the catalog does not have', () => {
    const gone = groups[3];
    expect(gone.template).toBeUndefined();
    expect(gone.services).toEqual([
      expect.objectContaining({
        id: 'component:default/legacy-batch',
        recordedTemplate: 'template:default/cobol-batch',
        templateRef: 'template:default/cobol-batch',
        drift: { status: 'unknown', reason: 'template-missing' },
      }),
    ]);
  });

  it('counts each status', () => {
    expect(countDrift(groups[1].services)).toEqual({
      'behind-major': 0,
      'behind-minor': 0,
      'behind-patch': 1,
      ahead: 1,
      unknown: 0,
      current: 0,
    });
  });
});

describe('sourceTemplateRef', () => {
  it.each([
    ['template:default/spring-boot-service'],
    ['Template:Default/Spring-Boot-Service'],
    ['default/spring-boot-service'],
    ['template:spring-boot-service'],
    [' spring-boot-service '],
  ])('reads %j as the Spring Boot template', from => {
    expect(sourceTemplateRef(service('x', { from }))).toBe(
      'template:default/spring-boot-service',
    );
  });

  it('reads nothing from a value that is not an entity ref', () => {
    expect(sourceTemplateRef(service('x', { from: 'template:' }))).toBe(
      undefined,
    );
    expect(sourceTemplateRef(service('x', { from: '  ' }))).toBe(undefined);
  });

  it('asks the catalog for every spelling it reads as the template', () => {
    const spellings = sourceTemplateSpellings(springBootTemplate);
    for (const from of spellings) {
      expect(sourceTemplateRef(service('x', { from }))).toBe(
        'template:default/spring-boot-service',
      );
    }
    expect(spellings).toHaveLength(4);
  });
});
