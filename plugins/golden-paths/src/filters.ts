import type { FilterPredicate } from '@backstage/filter-predicates';
import { SOURCE_TEMPLATE_ANNOTATION } from './annotations';

/*
 * Where the cards show. Filter predicates, so that app config can still
 * override them.
 */

/** Templates: what was created from them. */
export const isTemplate: FilterPredicate = { kind: 'template' };

/** Components created from a template: how far behind it they are. */
export const isCreatedFromTemplate: FilterPredicate = {
  kind: 'component',
  [`metadata.annotations.${SOURCE_TEMPLATE_ANNOTATION}`]: { $exists: true },
};
