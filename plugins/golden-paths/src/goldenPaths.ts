import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  SOURCE_TEMPLATE_ANNOTATION,
  sourceTemplateRef,
  specRef,
  templateVersionOf,
} from './annotations';
import {
  classifyDrift,
  compareDrift,
  type Drift,
  type DriftStatus,
  DRIFT_STATUSES,
  isBehind,
} from './versions';

/** A golden-path template and the version it is at. */
export interface GoldenPathTemplate {
  /** Normalised, e.g. "template:default/spring-boot-service". */
  ref: string;
  title: string;
  type?: string;
  /** As the template declares it; may be missing or not a version. */
  version?: string;
}

/** Something created from a golden-path template, and how far behind it is. */
export interface TemplateService {
  /** The entity's normalised ref; unique, so also the table row id. */
  id: string;
  title: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
  /** The template it names, verbatim, for when that is not a template. */
  recordedTemplate: string;
  /** Normalised; undefined when the annotation is not an entity ref. */
  templateRef?: string;
  /** The version it was created from, verbatim. */
  version?: string;
  drift: Drift;
}

/** A template's services; without a template, those whose template is gone. */
export interface GoldenPathGroup {
  template?: GoldenPathTemplate;
  services: TemplateService[];
}

/** The fields the catalog returns for templates: what the page shows. */
export const TEMPLATE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
];

/** The fields the catalog returns for what templates created. */
export const SERVICE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
];

function specString(entity: Entity, field: string): string | undefined {
  const value = entity.spec?.[field];
  return typeof value === 'string' ? value : undefined;
}

export function toGoldenPathTemplate(entity: Entity): GoldenPathTemplate {
  return {
    ref: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    type: specString(entity, 'type'),
    version: templateVersionOf(entity),
  };
}

/** `entity`, created from `template` (undefined: no longer in the catalog). */
export function toTemplateService(
  entity: Entity,
  template: GoldenPathTemplate | undefined,
): TemplateService {
  const version = templateVersionOf(entity);
  return {
    id: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    lifecycle: specString(entity, 'lifecycle'),
    owner: specRef(entity, 'owner', 'group'),
    system: specRef(entity, 'system', 'system'),
    recordedTemplate:
      entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION] ?? '',
    templateRef: sourceTemplateRef(entity),
    version,
    drift: classifyDrift(version, template),
  };
}

/** Most urgent first, then by name. */
export function compareServices(a: TemplateService, b: TemplateService) {
  return compareDrift(a.drift, b.drift) || a.title.localeCompare(b.title);
}

/**
 * The services each template created, templates by title, every template
 * listed even when nothing was created from it yet. Services naming a
 * template the catalog does not have come last, in a group of their own.
 */
export function groupByTemplate(
  templateEntities: Entity[],
  serviceEntities: Entity[],
): GoldenPathGroup[] {
  const groups = new Map<string, GoldenPathGroup>(
    templateEntities
      .map(toGoldenPathTemplate)
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(template => [template.ref, { template, services: [] }]),
  );
  const orphans: TemplateService[] = [];
  for (const entity of serviceEntities) {
    const ref = sourceTemplateRef(entity);
    const group = ref ? groups.get(ref) : undefined;
    if (group) {
      group.services.push(toTemplateService(entity, group.template));
    } else {
      orphans.push(toTemplateService(entity, undefined));
    }
  }
  const result = [...groups.values()];
  if (orphans.length > 0) {
    result.push({ services: orphans });
  }
  for (const group of result) {
    group.services.sort(compareServices);
  }
  return result;
}

export type DriftCounts = Record<DriftStatus, number>;

/** How many services are at each status. */
export function countDrift(services: readonly TemplateService[]): DriftCounts {
  const counts = Object.fromEntries(
    DRIFT_STATUSES.map(status => [status, 0]),
  ) as DriftCounts;
  for (const service of services) {
    counts[service.drift.status] += 1;
  }
  return counts;
}

/** How many services are behind, at whatever level. */
export function countBehind(services: readonly TemplateService[]): number {
  return services.filter(service => isBehind(service.drift)).length;
}
