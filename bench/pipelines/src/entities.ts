/*
 * The catalog the benchmark runs against: `count` components, each the
 * owner of one GitHub repository (`github.com/project-slug`), spread over
 * systems of ten and owners of twenty-five. The deliveries and the seeded
 * DORA history use the same repositories and entity refs; the DORA queries
 * ask for the first entity, its system and its owner.
 */
import { Entity } from '@backstage/catalog-model';

export const GITHUB_ORG = 'bench-org';
/** Entities per system and per owner. */
const PER_SYSTEM = 10;
const PER_OWNER = 25;

export interface BenchEntity {
  index: number;
  /** As the stores hold it: complete and lowercase. */
  ref: string;
  repository: string;
  system: string;
  owner: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function benchEntities(count: number): BenchEntity[] {
  const systems = Math.max(1, Math.ceil(count / PER_SYSTEM));
  const owners = Math.max(1, Math.ceil(count / PER_OWNER));
  return Array.from({ length: count }, (_, index) => ({
    index,
    ref: `component:default/${entityName(index)}`,
    repository: `${GITHUB_ORG}/${entityName(index)}`,
    system: `system:default/sys-${pad(index % systems, 2)}`,
    owner: `group:default/team-${pad(index % owners, 2)}`,
  }));
}

/** svc-000, svc-001, ...: also the repository name, as SQL builds it. */
export function entityName(index: number): string {
  return `svc-${pad(index, 3)}`;
}

/** What the catalog serves to the backend. */
export function catalogEntities(entities: BenchEntity[]): Entity[] {
  return entities.map(e => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityName(e.index),
      namespace: 'default',
      annotations: { 'github.com/project-slug': e.repository },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: e.owner,
      system: e.system,
    },
  }));
}

/** The DORA scopes measured: one entity, its system, its owner. */
export function doraScopes(entities: BenchEntity[]): Array<{
  name: string;
  /** The query parameter naming the scope. */
  param: Record<string, string>;
  refs: string[];
}> {
  const target = entities[0];
  return [
    {
      name: 'entity',
      param: { entityRef: target.ref },
      refs: [target.ref],
    },
    {
      name: 'system',
      param: { system: target.system },
      refs: entities.filter(e => e.system === target.system).map(e => e.ref),
    },
    {
      name: 'owner',
      param: { owner: target.owner },
      refs: entities.filter(e => e.owner === target.owner).map(e => e.ref),
    },
  ];
}
