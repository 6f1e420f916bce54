import { InvalidArgumentError } from 'commander';
import { SecretSpec } from '@finops/plugin-secrets-common';

/** The patterns of the secrets API (SecretSpec, SecretKeySpec). */
const SECRET_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const KEY_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const ENVIRONMENT = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * `--secret database:username,password` -> the secret `database` with two
 * keys whose values the platform generates. Values are never taken on the
 * command line, where shell history and process lists would keep them.
 */
export function parseSecretSpec(
  value: string,
  previous: SecretSpec[] = [],
): SecretSpec[] {
  const at = value.indexOf(':');
  const name = (at < 0 ? value : value.slice(0, at)).trim();
  const keys =
    at < 0
      ? []
      : value
          .slice(at + 1)
          .split(',')
          .map(k => k.trim())
          .filter(Boolean);
  if (!SECRET_NAME.test(name)) {
    throw new InvalidArgumentError(
      `"${name}" is not a secret name (lower-case letters, digits, - and _)`,
    );
  }
  if (keys.length === 0) {
    throw new InvalidArgumentError(`write it as ${name}:key[,key...]`);
  }
  const bad = keys.find(key => !KEY_NAME.test(key));
  if (bad) {
    throw new InvalidArgumentError(
      `"${bad}" is not a key name (letters, digits, _ . -)`,
    );
  }
  if (previous.some(spec => spec.name === name)) {
    throw new InvalidArgumentError(`secret ${name} is given twice`);
  }
  return [...previous, { name, keys: keys.map(key => ({ key })) }];
}

export function secretsEnvironment(value: string): string {
  if (!ENVIRONMENT.test(value)) {
    throw new InvalidArgumentError(
      'a lower-case environment name, like staging or production',
    );
  }
  return value;
}

export function generatedLength(value: string): number {
  const length = Number(value);
  if (!Number.isInteger(length) || length < 16 || length > 128) {
    throw new InvalidArgumentError('a whole number from 16 to 128');
  }
  return length;
}
