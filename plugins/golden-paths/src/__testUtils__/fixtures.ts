import type { Entity } from '@backstage/catalog-model';
import {
  SOURCE_TEMPLATE_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '../annotations';

/** A golden-path template at `version` (none: it declares no version). */
export function template(
  name: string,
  options: { title?: string; type?: string; version?: string } = {},
): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      namespace: 'default',
      title: options.title,
      annotations: options.version
        ? { [TEMPLATE_VERSION_ANNOTATION]: options.version }
        : {},
    },
    spec: { type: options.type ?? 'service', owner: 'platform-team' },
  };
}

/** A component created from `from` (an annotation value) at `version`. */
export function service(
  name: string,
  options: {
    from: string;
    version?: string;
    owner?: string;
    system?: string;
    lifecycle?: string;
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [SOURCE_TEMPLATE_ANNOTATION]: options.from,
        ...(options.version && {
          [TEMPLATE_VERSION_ANNOTATION]: options.version,
        }),
      },
    },
    spec: {
      type: 'service',
      owner: options.owner ?? 'group:default/payments',
      lifecycle: options.lifecycle ?? 'production',
      ...(options.system && { system: options.system }),
    },
  };
}

export const springBootTemplate = template('spring-boot-service', {
  title: 'Spring Boot service',
  type: 'service',
  version: '2.3.0',
});

export const reactWebsiteTemplate = template('react-website', {
  title: 'React website',
  type: 'website',
  version: '1.4.2',
});

/** A template nothing has been created from yet. */
export const kafkaConsumerTemplate = template('kafka-consumer', {
  title: 'Kafka consumer',
  type: 'service',
  version: '1.0.0',
});

export const cardPayments = service('card-payments', {
  from: 'template:default/spring-boot-service',
  version: '2.3.0',
  system: 'ledger',
});

/** Names its template in other letters and without a kind: same template. */
export const ledgerApi = service('ledger-api', {
  from: 'Template:default/Spring-Boot-Service',
  version: '2.1.0',
  owner: 'payments',
  system: 'ledger',
});

export const fxRates = service('fx-rates', {
  from: 'spring-boot-service',
  version: '1.8.0',
  owner: 'group:default/markets',
  system: 'markets-data',
});

export const statementsWeb = service('statements-web', {
  from: 'template:default/react-website',
  version: '1.4.0',
});

/** Records a version its template never released. */
export const onboardingWeb = service('onboarding-web', {
  from: 'template:default/react-website',
  version: '1.5.0',
  owner: 'group:default/markets',
});

/** Created from a template that has since been removed. */
export const legacyBatch = service('legacy-batch', {
  from: 'template:default/cobol-batch',
  version: '0.9.0',
});

export const catalogEntities: Entity[] = [
  springBootTemplate,
  reactWebsiteTemplate,
  kafkaConsumerTemplate,
  cardPayments,
  ledgerApi,
  fxRates,
  statementsWeb,
  onboardingWeb,
  legacyBatch,
];
