import { createHash } from 'node:crypto';

/**
 * The policy revision: a content hash of the Rego sources (tests excluded),
 * independent of file paths and order, so the embedded bundle and an OPA
 * server loaded from the same files report the same revision.
 */
export function policyRevision(sources: string[]): string {
  const digests = sources
    .map(source => createHash('sha256').update(source).digest('hex'))
    .sort();
  return createHash('sha256')
    .update(digests.join('\n'))
    .digest('hex')
    .slice(0, 16);
}
