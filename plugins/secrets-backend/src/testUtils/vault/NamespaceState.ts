import { parsePolicy, PolicyParseError, PolicyRule } from './aclPolicy';
import { AppRoleMount, KubernetesMount } from './authMounts';
import { KvEngine } from './KvEngine';
import { envelope, failure, noContent, Reply } from './replies';

/** Vault's default policy, the part of it these endpoints touch. */
const DEFAULT_POLICY = `
path "auth/token/lookup-self" { capabilities = ["read"] }
path "auth/token/renew-self" { capabilities = ["update"] }
path "auth/token/revoke-self" { capabilities = ["update"] }
path "sys/wrapping/wrap" { capabilities = ["update"] }
path "sys/wrapping/lookup" { capabilities = ["update"] }
path "sys/wrapping/unwrap" { capabilities = ["update"] }
path "cubbyhole/*" { capabilities = ["create", "read", "update", "delete", "list"] }
`;

export interface Mounts {
  clock: () => number;
  kvMounts: string[];
  appRoleMounts: string[];
  kubernetesMounts: string[];
}

/**
 * Everything one Vault namespace holds: KV mounts, ACL policies (with
 * Vault's `default` policy and its rules about `root` and `default`), and
 * auth mounts.
 */
export class NamespaceState {
  readonly kv = new Map<string, KvEngine>();
  readonly appRoles = new Map<string, AppRoleMount>();
  readonly kubernetes = new Map<string, KubernetesMount>();
  readonly #policies = new Map<string, { text: string; rules: PolicyRule[] }>();

  constructor(mounts: Mounts) {
    for (const mount of mounts.kvMounts) {
      this.kv.set(mount, new KvEngine(mounts.clock));
    }
    for (const mount of mounts.appRoleMounts) {
      this.appRoles.set(mount, new AppRoleMount(mounts.clock));
    }
    for (const mount of mounts.kubernetesMounts) {
      this.kubernetes.set(mount, new KubernetesMount());
    }
    this.#policies.set('default', {
      text: DEFAULT_POLICY,
      rules: parsePolicy(DEFAULT_POLICY),
    });
  }

  /** The rules of each named policy; an unknown name grants nothing. */
  rulesOf(names: string[]): PolicyRule[][] {
    return names.map(name => this.#policies.get(name)?.rules ?? []);
  }

  hasPolicy(name: string): boolean {
    return this.#policies.has(name);
  }

  readPolicy(name: string): Reply {
    const policy = this.#policies.get(name);
    if (!policy) return failure(404);
    return {
      status: 200,
      body: {
        name,
        rules: policy.text,
        ...envelope({ data: { name, policy: policy.text } }),
      },
    };
  }

  writePolicy(name: string, body: any): Reply {
    if (name === 'root') return failure(400, 'cannot update "root" policy');
    const text = body?.policy;
    if (typeof text !== 'string' || !text.trim()) {
      return failure(400, "'policy' parameter not supplied or empty");
    }
    try {
      this.#policies.set(name, { text, rules: parsePolicy(text) });
    } catch (error) {
      if (!(error instanceof PolicyParseError)) throw error;
      return failure(400, `failed to parse policy: ${error.message}`);
    }
    return noContent;
  }

  deletePolicy(name: string): Reply {
    if (name === 'root' || name === 'default') {
      return failure(400, `cannot delete "${name}" policy`);
    }
    this.#policies.delete(name);
    return noContent;
  }
}
