import { Config } from '@backstage/config';

const KEY = 'secrets.vault';
const DEFAULT_KV_MOUNT = 'secret';
const DEFAULT_APPROLE_MOUNT = 'approle';
const DEFAULT_KUBERNETES_MOUNT = 'kubernetes';
/** Where the kubelet mounts a pod's service account token. */
const DEFAULT_JWT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Long enough for a loaded Vault, short enough for a status page. */
const DEFAULT_TIMEOUT_MS = 10_000;
const NAME = /^[A-Za-z0-9][\w-]{0,62}$/;
/** Mounts and namespaces: path segments, no leading or trailing slash. */
const MOUNT = /^[\w.-]+(\/[\w.-]+)*$/;

export type VaultAuthConfig =
  | { type: 'token'; token: string }
  | { type: 'approle'; mount: string; roleId: string; secretId: string }
  | { type: 'kubernetes'; mount: string; role: string; jwtPath: string };

/** One `secrets.vault.instances[]` entry with its defaults. */
export interface VaultInstanceConfig {
  name: string;
  /** Without a trailing slash and without /v1. */
  baseUrl: string;
  namespace?: string;
  kvMount: string;
  uiUrl?: string;
  timeoutMs: number;
  auth: VaultAuthConfig;
}

export interface VaultConfig {
  instances: VaultInstanceConfig[];
  defaultInstance: string;
}

/**
 * `secrets.vault` (see config.d.ts), checked so that a mistake stops the
 * backend at startup with the key that is wrong; undefined when Vault is
 * not configured at all. Messages name keys and non-secret values only.
 */
export function readVaultConfig(config: Config): VaultConfig | undefined {
  const vault = config.getOptionalConfig(KEY);
  if (!vault) {
    return undefined;
  }
  const entries = vault.getConfigArray('instances');
  if (entries.length === 0) {
    throw new Error(`${KEY}.instances must name at least one Vault`);
  }
  const instances = entries.map((entry, i) =>
    readInstance(entry, `${KEY}.instances[${i}]`),
  );
  const names = new Set<string>();
  for (const { name } of instances) {
    if (names.has(name)) {
      throw new Error(`${KEY}.instances names ${name} twice`);
    }
    names.add(name);
  }
  const defaultInstance = vault.getOptionalString('defaultInstance');
  if (defaultInstance === undefined && instances.length > 1) {
    throw new Error(
      `${KEY}.defaultInstance must say which of ${[...names].join(
        ', ',
      )} to use when none is named`,
    );
  }
  if (defaultInstance !== undefined && !names.has(defaultInstance)) {
    throw new Error(
      `${KEY}.defaultInstance ${defaultInstance} is not one of ${[
        ...names,
      ].join(', ')}`,
    );
  }
  return { instances, defaultInstance: defaultInstance ?? instances[0].name };
}

function readInstance(entry: Config, key: string): VaultInstanceConfig {
  const name = entry.getString('name');
  if (!NAME.test(name)) {
    throw new Error(
      `${key}.name must be letters, digits, - and _ (at most 63), not ${name}`,
    );
  }
  const timeoutMs = entry.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new Error(`${key}.timeoutMs must be a positive integer`);
  }
  const namespace = entry.getOptionalString('namespace');
  return {
    name,
    baseUrl: readUrl(entry, 'baseUrl', key),
    namespace: namespace && readMount(namespace, `${key}.namespace`),
    kvMount: readMount(
      entry.getOptionalString('kvMount') ?? DEFAULT_KV_MOUNT,
      `${key}.kvMount`,
    ),
    uiUrl: entry.has('uiUrl') ? readUrl(entry, 'uiUrl', key) : undefined,
    timeoutMs,
    auth: readAuth(entry.getConfig('auth'), `${key}.auth`),
  };
}

function readAuth(auth: Config, key: string): VaultAuthConfig {
  const type = auth.getString('type');
  const mount = (fallback: string) =>
    readMount(auth.getOptionalString('mount') ?? fallback, `${key}.mount`);
  switch (type) {
    case 'token':
      return { type, token: required(auth, 'token', key) };
    case 'approle':
      return {
        type,
        mount: mount(DEFAULT_APPROLE_MOUNT),
        roleId: required(auth, 'roleId', key),
        secretId: required(auth, 'secretId', key),
      };
    case 'kubernetes':
      return {
        type,
        mount: mount(DEFAULT_KUBERNETES_MOUNT),
        role: required(auth, 'role', key),
        jwtPath: auth.getOptionalString('jwtPath') ?? DEFAULT_JWT_PATH,
      };
    default:
      throw new Error(
        `${key}.type must be token, approle or kubernetes, not ${type}`,
      );
  }
}

/** A string that must not be blank; its value never goes into a message. */
function required(config: Config, field: string, key: string): string {
  const value = config.getString(field).trim();
  if (!value) {
    throw new Error(`${key}.${field} is empty`);
  }
  return value;
}

function readMount(value: string, key: string): string {
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  if (!MOUNT.test(trimmed)) {
    throw new Error(`${key} is not a Vault path: ${value}`);
  }
  return trimmed;
}

function readUrl(config: Config, field: string, key: string): string {
  const value = config.getString(field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${key}.${field} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${key}.${field} must be an http or https URL`);
  }
  // Credentials in a URL end up in logs and messages; Vault takes none there.
  if (url.username || url.password) {
    throw new Error(`${key}.${field} must not carry credentials`);
  }
  if (field === 'baseUrl' && /\/v1\/?$/.test(url.pathname)) {
    throw new Error(`${key}.baseUrl must leave out /v1: the client adds it`);
  }
  return value.replace(/\/+$/, '');
}
