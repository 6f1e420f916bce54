import { InputError } from '@backstage/errors';

/*
 * What the client puts into a Vault API path or a version list, checked
 * before anything is sent: a path that escapes its mount ("..") or says
 * something a URL would read differently is an InputError, not a request.
 */

/** A path segment: no dots alone, nothing Vault or a URL would interpret. */
const SEGMENT = /^(?!\.{1,2}$)[\w.@+=:,~-]{1,255}$/;

/** One segment (a policy or role name), encoded. */
export function segment(value: string, what = 'name'): string {
  if (!SEGMENT.test(value)) {
    throw new InputError(`Not a Vault ${what}: ${value}`);
  }
  return encodeURIComponent(value);
}

/** A KV path: segments joined by slashes, without leading or trailing ones. */
export function kvPath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  const parts = trimmed.split('/');
  if (!trimmed || parts.some(part => !SEGMENT.test(part))) {
    throw new InputError(`Not a Vault secret path: ${path}`);
  }
  return parts.map(part => encodeURIComponent(part)).join('/');
}

export function authRole(mount: string, role: string): string {
  const mountPath = mount.replace(/^\/+|\/+$/g, '');
  const parts = mountPath.split('/');
  if (!mountPath || parts.some(part => !SEGMENT.test(part))) {
    throw new InputError(`Not a Vault auth mount: ${mount}`);
  }
  return `auth/${parts.join('/')}/role/${segment(role, 'role')}`;
}

export function versionNumbers(
  versions: number[],
  allowZero = false,
): number[] {
  const min = allowZero ? 0 : 1;
  if (
    versions.length === 0 ||
    versions.some(v => !Number.isInteger(v) || v < min)
  ) {
    throw new InputError(
      `Vault secret versions are whole numbers from ${min}: ${versions.join(
        ', ',
      )}`,
    );
  }
  return versions;
}

export function wrapTtl(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`A wrapping TTL is a whole number of seconds`);
  }
  return value;
}
