import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The template an entity was created from, as the scaffolder records it. */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';

/**
 * On a template, its current version; on what it created, the version it
 * was created from.
 */
export const TEMPLATE_VERSION_ANNOTATION = 'finops.io/template-version';

// Templates live in the default namespace; the scaffolder writes full refs,
// and a hand-written short one means the same template.
const TEMPLATE_REF_DEFAULTS = {
  defaultKind: 'template',
  defaultNamespace: 'default',
};

/**
 * "template:default/spring-boot-service" for the template an entity names,
 * however it is spelled ("Template:default/Spring-Boot-Service",
 * "spring-boot-service"); undefined when the annotation is missing or not
 * an entity ref.
 */
export function sourceTemplateRef(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION];
  if (!value?.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), TEMPLATE_REF_DEFAULTS),
    );
  } catch {
    return undefined;
  }
}

/**
 * Every way of writing the annotation that names `template` (whose ref is
 * normalised): the catalog matches annotation values case-insensitively
 * but verbatim, so asking for these finds exactly what `sourceTemplateRef`
 * would resolve to the template.
 */
export function sourceTemplateSpellings(template: Entity): string[] {
  const namespace = template.metadata.namespace ?? 'default';
  const name = template.metadata.name;
  const spellings = [`template:${namespace}/${name}`, `${namespace}/${name}`];
  if (namespace === TEMPLATE_REF_DEFAULTS.defaultNamespace) {
    spellings.push(`template:${name}`, name);
  }
  return spellings;
}

/** The version an entity's annotation records, if any. */
export function templateVersionOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION];
}

/**
 * The entity a spec field names, as a normalised ref, resolved the way the
 * catalog resolves relations: relative to the entity's own namespace.
 */
export function specRef(
  entity: Entity,
  field: 'owner' | 'system',
  defaultKind: string,
): string | undefined {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || !value.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
