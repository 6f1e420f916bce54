/*
 * The catalog under load: a generated file location the real catalog
 * ingests (and the policy module evaluates), with the entities of
 * bench/pipelines (components svc-000..., each the owner of the GitHub
 * repository bench-org/svc-..., in systems of ten and owners of
 * twenty-five, so that its seeded history and signed deliveries fit),
 * their groups and systems. Each component carries the annotations our
 * plugins read: GitHub and a deploy workflow (pipelines), a Vault path
 * (secrets), a Prometheus selector and SLOs (health), and a data
 * classification; every fifth is PCI-scoped, so the policy reports more
 * violations for it than for the others (none enforcing: all are admitted).
 */
import { Entity } from '@backstage/catalog-model';
import { writeFileSync } from 'node:fs';
import {
  BenchEntity,
  benchEntities,
  entityName,
} from '../../pipelines/src/entities';

export { benchEntities, entityName };
export type { BenchEntity };

const CLASSIFICATIONS = ['internal', 'confidential', 'restricted'];

/** The folders of an entity's secrets (the secrets backend's default environments). */
export const SECRETS_ENVIRONMENTS = ['development', 'staging', 'production'];
/** Seeded in each environment's folder (servers.ts). */
export const SECRET_NAMES = ['database', 'api-key'];
/** Where the secrets of an entity are, below the KV mount. */
export const secretsPath = (e: BenchEntity) => `bench/${entityName(e.index)}`;

export function catalogDocuments(entities: BenchEntity[]): Entity[] {
  const groups = [...new Set(entities.map(e => e.owner))];
  const systems = [...new Set(entities.map(e => e.system))];
  const nameOf = (ref: string) => ref.split('/')[1];
  return [
    ...groups.map(ref => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: nameOf(ref), namespace: 'default' },
      spec: { type: 'team', children: [] },
    })),
    ...systems.map((ref, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: nameOf(ref), namespace: 'default' },
      spec: { owner: groups[i % groups.length] },
    })),
    ...entities.map(componentOf),
  ];
}

function componentOf(e: BenchEntity): Entity {
  const name = entityName(e.index);
  const pci = e.index % 5 === 0;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: `Benchmark service ${name}`,
      annotations: {
        'github.com/project-slug': e.repository,
        'finops.io/deploy-workflow': 'deploy.yml',
        'vault.io/secrets-path': secretsPath(e),
        'finops.io/prometheus-selector': `service="${name}"`,
        'finops.io/slo-availability': '99',
        'finops.io/slo-latency': '99% < 250ms',
        'finops.io/slo-window': '28d',
        'finops.io/data-classification':
          CLASSIFICATIONS[e.index % CLASSIFICATIONS.length],
        ...(e.index % 2 === 0 && { 'finops.io/on-call': 'bench-rota' }),
      },
      ...(pci && { labels: { 'finops.io/pci-scope': 'true' } }),
      tags: pci ? ['java', 'pci'] : ['typescript'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: e.owner,
      system: e.system,
    },
  };
}

/** One YAML file of many documents (JSON is YAML). */
export function writeCatalogFile(file: string, documents: Entity[]) {
  writeFileSync(
    file,
    documents.map(d => `---\n${JSON.stringify(d)}\n`).join(''),
  );
}
