import { InvalidArgumentError } from 'commander';

/** The patterns of the pipelines API (DeployRequestInput), checked early. */
const ENVIRONMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._/+-]{0,199}$/;
const REQUEST_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function environmentName(value: string): string {
  if (!ENVIRONMENT.test(value)) {
    throw new InvalidArgumentError(
      'an environment name, like staging or production',
    );
  }
  return value;
}

export function versionName(value: string): string {
  if (!VERSION.test(value)) {
    throw new InvalidArgumentError('a tag, branch or commit sha, like v1.4.2');
  }
  return value;
}

export function requestId(value: string): string {
  if (!REQUEST_ID.test(value)) {
    throw new InvalidArgumentError(
      'a request id (a UUID, from finops approvals list)',
    );
  }
  return value;
}
