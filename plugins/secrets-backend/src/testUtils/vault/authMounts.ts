import { randomUUID } from 'node:crypto';
import {
  failure,
  noContent,
  ok,
  refuse,
  Reply,
  seconds,
  stringList,
} from './replies';
import { randomString } from './TokenStore';

/** What a successful login turns into a token. */
export interface LoginGrant {
  role: string;
  policies: string[];
  ttl: number;
  maxTtl: number;
  boundCidrs: string[];
}

interface AppRole {
  role_id: string;
  token_policies: string[];
  token_ttl: number;
  token_max_ttl: number;
  secret_id_ttl: number;
  token_bound_cidrs: string[];
  secretIds: Map<string, { accessor: string; expiresAt?: number }>;
}

/**
 * An AppRole auth mount (https://developer.hashicorp.com/vault/api-docs/auth/approle):
 * roles, their RoleID, SecretIDs with their TTL, and login.
 */
export class AppRoleMount {
  readonly #roles = new Map<string, AppRole>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  exists(role: string): boolean {
    return this.#roles.has(role);
  }

  write(name: string, body: any): Reply {
    const existing = this.#roles.get(name);
    this.#roles.set(name, {
      role_id: existing?.role_id ?? randomUUID(),
      secretIds: existing?.secretIds ?? new Map(),
      token_policies: stringList(body?.token_policies ?? body?.policies),
      token_ttl: seconds(body?.token_ttl, 'token_ttl'),
      token_max_ttl: seconds(body?.token_max_ttl, 'token_max_ttl'),
      secret_id_ttl: seconds(body?.secret_id_ttl, 'secret_id_ttl'),
      token_bound_cidrs: stringList(body?.token_bound_cidrs),
    });
    return noContent;
  }

  read(name: string): Reply {
    const role = this.#roles.get(name);
    if (!role) return failure(404);
    return ok({
      bind_secret_id: true,
      local_secret_ids: false,
      secret_id_bound_cidrs: null,
      secret_id_num_uses: 0,
      secret_id_ttl: role.secret_id_ttl,
      token_bound_cidrs: role.token_bound_cidrs,
      token_explicit_max_ttl: 0,
      token_max_ttl: role.token_max_ttl,
      token_no_default_policy: false,
      token_num_uses: 0,
      token_period: 0,
      token_policies: role.token_policies,
      policies: role.token_policies,
      token_ttl: role.token_ttl,
      token_type: 'default',
    });
  }

  delete(name: string): Reply {
    this.#roles.delete(name);
    return noContent;
  }

  roleId(name: string): Reply {
    const role = this.#roles.get(name);
    return role ? ok({ role_id: role.role_id }) : failure(404);
  }

  secretId(name: string): Reply {
    const role = this.#roles.get(name);
    if (!role) return failure(400, `role "${name}" does not exist`);
    const secretId = randomUUID();
    const accessor = randomUUID();
    role.secretIds.set(secretId, {
      accessor,
      expiresAt: role.secret_id_ttl
        ? this.#clock() + role.secret_id_ttl * 1000
        : undefined,
    });
    return ok({
      secret_id: secretId,
      secret_id_accessor: accessor,
      secret_id_ttl: role.secret_id_ttl,
      secret_id_num_uses: 0,
    });
  }

  /** The grant for a good RoleID and SecretID; Vault's 400 otherwise. */
  login(body: any): LoginGrant {
    const entry = [...this.#roles].find(
      ([, role]) => role.role_id === body?.role_id,
    );
    const secret = entry?.[1].secretIds.get(String(body?.secret_id));
    if (
      !entry ||
      !secret ||
      (secret.expiresAt !== undefined && this.#clock() >= secret.expiresAt)
    ) {
      return refuse(400, 'invalid role or secret ID');
    }
    const [name, role] = entry;
    return {
      role: name,
      policies: role.token_policies,
      ttl: role.token_ttl,
      maxTtl: role.token_max_ttl,
      boundCidrs: role.token_bound_cidrs,
    };
  }
}

interface KubernetesRole {
  bound_service_account_names: string[];
  bound_service_account_namespaces: string[];
  token_policies: string[];
  token_ttl: number;
  token_max_ttl: number;
}

/**
 * A Kubernetes auth mount (https://developer.hashicorp.com/vault/api-docs/auth/kubernetes):
 * roles bound to service account names and namespaces, and login with a
 * service account JWT. The JWT's signature is not checked (there is no
 * cluster to ask); its claims are, as Vault binds them.
 */
export class KubernetesMount {
  readonly #roles = new Map<string, KubernetesRole>();

  exists(role: string): boolean {
    return this.#roles.has(role);
  }

  write(name: string, body: any): Reply {
    const names = stringList(body?.bound_service_account_names);
    const namespaces = stringList(body?.bound_service_account_namespaces);
    if (names.length === 0) {
      return failure(400, '"bound_service_account_names" can not be empty');
    }
    if (namespaces.length === 0) {
      return failure(
        400,
        '"bound_service_account_namespaces" can not be empty',
      );
    }
    this.#roles.set(name, {
      bound_service_account_names: names,
      bound_service_account_namespaces: namespaces,
      token_policies: stringList(body?.token_policies ?? body?.policies),
      token_ttl: seconds(body?.token_ttl, 'token_ttl'),
      token_max_ttl: seconds(body?.token_max_ttl, 'token_max_ttl'),
    });
    return noContent;
  }

  read(name: string): Reply {
    const role = this.#roles.get(name);
    if (!role) return failure(404);
    return ok({
      ...role,
      alias_name_source: 'serviceaccount_uid',
      audience: '',
      policies: role.token_policies,
      token_bound_cidrs: [],
      token_type: 'default',
    });
  }

  delete(name: string): Reply {
    this.#roles.delete(name);
    return noContent;
  }

  login(body: any): LoginGrant {
    const name = String(body?.role ?? '');
    const role = this.#roles.get(name);
    if (!role) {
      return refuse(400, `invalid role name "${name}"`);
    }
    const account = serviceAccountOf(body?.jwt);
    if (!account) {
      return refuse(403, 'permission denied');
    }
    if (!bound(role.bound_service_account_namespaces, account.namespace)) {
      return refuse(403, 'namespace not authorized');
    }
    if (!bound(role.bound_service_account_names, account.name)) {
      return refuse(403, 'service account name not authorized');
    }
    return {
      role: name,
      policies: role.token_policies,
      ttl: role.token_ttl,
      maxTtl: role.token_max_ttl,
      boundCidrs: [],
    };
  }
}

/**
 * A JWT for `name` in `namespace` as the kubelet projects one (claims
 * only; the signature is a placeholder the test server does not check).
 */
export function serviceAccountJwt(namespace: string, name: string): string {
  const part = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return [
    part({ alg: 'RS256', kid: 'test' }),
    part({
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: `system:serviceaccount:${namespace}:${name}`,
      'kubernetes.io': {
        namespace,
        serviceaccount: { name, uid: randomUUID() },
      },
    }),
    randomString(43),
  ].join('.');
}

/** The service account a token names: projected or legacy claims. */
function serviceAccountOf(
  jwt: unknown,
): { namespace: string; name: string } | undefined {
  const parts = typeof jwt === 'string' ? jwt.split('.') : [];
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    const projected = claims['kubernetes.io'];
    const namespace =
      projected?.namespace ?? claims['kubernetes.io/serviceaccount/namespace'];
    const name =
      projected?.serviceaccount?.name ??
      claims['kubernetes.io/serviceaccount/service-account.name'];
    return typeof namespace === 'string' && typeof name === 'string'
      ? { namespace, name }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Vault's bound lists: exact names, `*`, or a trailing-`*` glob. */
function bound(list: string[], value: string): boolean {
  return list.some(item =>
    item.endsWith('*') ? value.startsWith(item.slice(0, -1)) : item === value,
  );
}
