import type { SecretRequest } from '@finops/plugin-secrets-common';

/** "Provision api-keys, database in production", "Rotate database in staging". */
export function describeRequest(
  request: Pick<SecretRequest, 'action' | 'environment' | 'secrets'>,
): string {
  const verb = request.action === 'rotate' ? 'Rotate' : 'Provision';
  const names = request.secrets.map(s => s.name).join(', ');
  return `${verb} ${names || 'secrets'} in ${request.environment}`;
}
