import { SecretValues } from './SecretValues';

/** `sys/health`, whatever the status code it came with. */
export interface VaultHealth {
  initialized: boolean;
  sealed: boolean;
  standby: boolean;
  performanceStandby: boolean;
  version?: string;
}

/** One version of a KV version 2 secret, without its values. */
export interface KvVersionInfo {
  version: number;
  /** RFC 3339, as Vault writes it. */
  createdTime: string;
  /** When it was soft-deleted; undefined while it is not. */
  deletionTime?: string;
  destroyed: boolean;
}

/** A KV version 2 secret's metadata: everything about it but its values. */
export interface KvMetadata {
  currentVersion: number;
  oldestVersion: number;
  createdTime: string;
  updatedTime: string;
  /** 0: the mount's setting (10 unless changed). */
  maxVersions: number;
  casRequired: boolean;
  customMetadata: Record<string, string>;
  /** Versions Vault still keeps, oldest first. */
  versions: KvVersionInfo[];
}

export interface KvWriteResult {
  version: number;
  createdTime: string;
}

/**
 * What {@link VaultClient.readVersionForInternalCheck} read: the values are
 * sealed in {@link SecretValues} and must not leave the backend.
 */
export interface KvVersionForCheck {
  version: number;
  createdTime: string;
  values: SecretValues;
}

export interface KvMetadataSettings {
  maxVersions?: number;
  casRequired?: boolean;
  /** Replaces all custom metadata (Vault allows 64 keys). */
  customMetadata?: Record<string, string>;
}

export interface AclPolicy {
  name: string;
  /** HCL. */
  policy: string;
}

/**
 * An AppRole role, in Vault's own field names; TTLs in seconds (0: the
 * mount's default).
 */
export interface AppRoleSettings {
  token_policies: string[];
  token_ttl: number;
  token_max_ttl: number;
  secret_id_ttl: number;
  /** Where the role's tokens may be used from. */
  token_bound_cidrs?: string[];
}

/** A Kubernetes auth role, in Vault's own field names; TTL in seconds. */
export interface KubernetesRoleSettings {
  bound_service_account_names: string[];
  bound_service_account_namespaces: string[];
  token_policies: string[];
  token_ttl: number;
}

/**
 * A response-wrapping token: one unwrap (`sys/wrapping/unwrap`) within
 * `ttl` seconds yields what was wrapped. The one thing derived from a
 * secret that may be shown to a person.
 */
export interface WrapInfo {
  token: string;
  accessor?: string;
  ttl: number;
  creationTime: string;
}
