import { CompoundEntityRef } from '@backstage/catalog-model';

/**
 * The names and contents of what the platform provisions for one
 * environment of a service: the secrets live under
 * `<basePath>/<environment>/`; the workload reads them through one policy,
 * the pipeline writes them through another, each bound to an auth role.
 */
export interface ServiceVaultObjects {
  /** `<basePath>/<environment>`, under the KV mount. */
  folder: string;
  readPolicy: string;
  writePolicy: string;
  /** The workload's role (AppRole or Kubernetes auth). */
  workloadRole: string;
  /** The pipeline's AppRole. */
  pipelineRole: string;
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

export function serviceVaultObjects(
  entity: CompoundEntityRef,
  basePath: string,
  environment: string,
): ServiceVaultObjects {
  const prefix = `finops-${slug(entity.namespace)}-${slug(
    entity.name,
  )}-${environment}`;
  return {
    folder: `${basePath}/${environment}`,
    readPolicy: `${prefix}-read`,
    writePolicy: `${prefix}-write`,
    workloadRole: prefix,
    pipelineRole: `${prefix}-pipeline`,
  };
}

/**
 * A Vault ACL policy (HCL) limited to the secrets of one folder: `read`
 * lets the workload read them, `write` lets the pipeline create and
 * update them as well. Nothing else: no list of the mount, no delete, no
 * other path.
 */
export function folderPolicy(options: {
  kvMount: string;
  folder: string;
  access: 'read' | 'write';
  entityRef: string;
}): string {
  const { kvMount, folder, access, entityRef } = options;
  const data = access === 'read' ? '["read"]' : '["create", "update", "read"]';
  return [
    `# Managed by the FinOps Platform for ${entityRef}: ${
      access === 'read' ? 'the workload reads' : 'the pipeline writes'
    } ${folder}.`,
    `path "${kvMount}/data/${folder}/*" {`,
    `  capabilities = ${data}`,
    '}',
    '',
    `path "${kvMount}/metadata/${folder}/*" {`,
    '  capabilities = ["read", "list"]',
    '}',
    '',
  ].join('\n');
}
