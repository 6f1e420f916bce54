import type { FilterPredicate } from '@backstage/filter-predicates';
import {
  ANNOTATION_PROMETHEUS_SELECTOR,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
} from '@finops/plugin-health-common';

/**
 * Entities with a health of their own: services and websites, which the
 * golden paths instrument, and anything that names its Prometheus series
 * or declares an SLO. A filter predicate, so that app config can still
 * override it.
 */
export const hasHealth: FilterPredicate = {
  $any: [
    { kind: 'component', 'spec.type': { $in: ['service', 'website'] } },
    {
      [`metadata.annotations.${ANNOTATION_PROMETHEUS_SELECTOR}`]: {
        $exists: true,
      },
    },
    {
      [`metadata.annotations.${ANNOTATION_SLO_AVAILABILITY}`]: {
        $exists: true,
      },
    },
    {
      [`metadata.annotations.${ANNOTATION_SLO_LATENCY}`]: { $exists: true },
    },
  ],
};
