import { failure, noContent, ok, refuse, Reply } from './replies';

/** KV version 2 keeps this many versions unless the secret says. */
const DEFAULT_MAX_VERSIONS = 10;
const MAX_CUSTOM_METADATA_KEYS = 64;
const CAS_MISMATCH =
  'check-and-set parameter did not match the current version';
const CAS_REQUIRED = 'check-and-set parameter required for this call';

interface Version {
  data: Record<string, unknown> | null;
  created_time: string;
  deletion_time: string;
  destroyed: boolean;
}

interface Secret {
  versions: Map<number, Version>;
  current_version: number;
  oldest_version: number;
  created_time: string;
  updated_time: string;
  max_versions: number;
  cas_required: boolean;
  custom_metadata: Record<string, string> | null;
}

/**
 * One KV version 2 mount as Vault documents it
 * (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2):
 * versions, check-and-set, `cas_required`, soft delete, destroy,
 * `max_versions` (the oldest versions are dropped) and custom metadata.
 */
export class KvEngine {
  readonly #secrets = new Map<string, Secret>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** Whether a write is a create or an update, for the ACL check. */
  exists(path: string): boolean {
    return this.#secrets.has(path);
  }

  writeData(path: string, body: any): Reply {
    const data = body?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return failure(400, 'no data provided');
    }
    let secret = this.#secrets.get(path);
    const cas = body?.options?.cas;
    if (cas === undefined && secret?.cas_required) {
      return failure(400, CAS_REQUIRED);
    }
    if (cas !== undefined && Number(cas) !== (secret?.current_version ?? 0)) {
      return failure(400, CAS_MISMATCH);
    }
    const now = this.#now();
    secret ??= this.#create(path, now);
    const version = secret.current_version + 1;
    secret.versions.set(version, {
      data: { ...data },
      created_time: now,
      deletion_time: '',
      destroyed: false,
    });
    secret.current_version = version;
    secret.updated_time = now;
    trim(secret);
    return ok({
      created_time: now,
      custom_metadata: secret.custom_metadata,
      deletion_time: '',
      destroyed: false,
      version,
    });
  }

  readData(path: string, versionParam: string | null): Reply {
    const secret = this.#secrets.get(path);
    if (!secret) return failure(404);
    const asked = versionParam ? Number(versionParam) : 0;
    const version = asked || secret.current_version;
    const entry = secret.versions.get(version);
    if (!entry) return failure(404);
    const metadata = {
      created_time: entry.created_time,
      custom_metadata: secret.custom_metadata,
      deletion_time: entry.deletion_time,
      destroyed: entry.destroyed,
      version,
    };
    if (entry.deletion_time || entry.destroyed) {
      // Vault answers 404 and still describes the version.
      return { status: 404, body: ok({ data: null, metadata }).body };
    }
    return ok({ data: entry.data, metadata });
  }

  readMetadata(path: string): Reply {
    const secret = this.#secrets.get(path);
    if (!secret) return failure(404);
    return ok({
      cas_required: secret.cas_required,
      created_time: secret.created_time,
      current_version: secret.current_version,
      custom_metadata: secret.custom_metadata,
      delete_version_after: '0s',
      max_versions: secret.max_versions,
      oldest_version: secret.oldest_version,
      updated_time: secret.updated_time,
      versions: Object.fromEntries(
        [...secret.versions].map(([version, v]) => [
          String(version),
          {
            created_time: v.created_time,
            deletion_time: v.deletion_time,
            destroyed: v.destroyed,
          },
        ]),
      ),
    });
  }

  /** `folder` is "" or ends with "/"; folders are listed as "name/". */
  list(folder: string): Reply {
    const keys = new Set<string>();
    for (const path of this.#secrets.keys()) {
      if (path.startsWith(folder)) {
        const rest = path.slice(folder.length);
        const slash = rest.indexOf('/');
        keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
      }
    }
    if (keys.size === 0) return failure(404);
    return ok({ keys: [...keys].sort() });
  }

  writeMetadata(path: string, body: any): Reply {
    const { max_versions: maxVersions, cas_required: casRequired } = body ?? {};
    const custom = body?.custom_metadata;
    if (
      maxVersions !== undefined &&
      !(Number.isInteger(maxVersions) && maxVersions >= 0)
    ) {
      refuse(400, 'max_versions must be a non-negative integer');
    }
    if (casRequired !== undefined && typeof casRequired !== 'boolean') {
      refuse(400, 'cas_required must be a boolean');
    }
    if (custom !== undefined) {
      const entries = Object.entries(custom ?? {});
      if (
        typeof custom !== 'object' ||
        entries.some(([, v]) => typeof v !== 'string')
      ) {
        refuse(400, 'custom_metadata must be a map of strings');
      }
      if (entries.length > MAX_CUSTOM_METADATA_KEYS) {
        refuse(
          400,
          `custom_metadata may hold ${MAX_CUSTOM_METADATA_KEYS} keys`,
        );
      }
    }
    const now = this.#now();
    const secret = this.#secrets.get(path) ?? this.#create(path, now);
    if (maxVersions !== undefined) secret.max_versions = maxVersions;
    if (casRequired !== undefined) secret.cas_required = casRequired;
    if (custom !== undefined) secret.custom_metadata = { ...custom };
    secret.updated_time = now;
    trim(secret);
    return noContent;
  }

  deleteMetadata(path: string): Reply {
    this.#secrets.delete(path);
    return noContent;
  }

  softDelete(path: string, body: any): Reply {
    return this.#eachVersion(path, body, version => {
      if (!version.destroyed && !version.deletion_time) {
        version.deletion_time = this.#now();
      }
    });
  }

  destroy(path: string, body: any): Reply {
    return this.#eachVersion(path, body, version => {
      version.destroyed = true;
      version.data = null;
    });
  }

  #eachVersion(path: string, body: any, change: (v: Version) => void): Reply {
    const versions = body?.versions;
    if (!Array.isArray(versions) || versions.length === 0) {
      return failure(400, 'no version number provided');
    }
    const secret = this.#secrets.get(path);
    for (const number of versions) {
      const version = secret?.versions.get(Number(number));
      if (version) change(version);
    }
    return noContent;
  }

  #create(path: string, now: string): Secret {
    const secret: Secret = {
      versions: new Map(),
      current_version: 0,
      oldest_version: 0,
      created_time: now,
      updated_time: now,
      max_versions: 0,
      cas_required: false,
      custom_metadata: null,
    };
    this.#secrets.set(path, secret);
    return secret;
  }

  #now(): string {
    return new Date(this.#clock()).toISOString();
  }
}

/**
 * Drops the oldest versions beyond the secret's (or the mount's) limit;
 * `oldest_version` stays 0 until the first is dropped, as in Vault.
 */
function trim(secret: Secret): void {
  const max = secret.max_versions || DEFAULT_MAX_VERSIONS;
  const numbers = [...secret.versions.keys()].sort((a, b) => a - b);
  const dropped = numbers.slice(0, Math.max(0, numbers.length - max));
  if (dropped.length > 0) {
    dropped.forEach(number => secret.versions.delete(number));
    secret.oldest_version = numbers[dropped.length];
  }
}
