import { randomUUID } from 'node:crypto';
import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { Capability, capabilitiesAt } from './aclPolicy';
import { LoginGrant } from './authMounts';
import { healthReply, StandbyMode } from './health';
import {
  escapeRegExp,
  ForcedFailure,
  forcedReply,
  inCidr,
  parseBody,
  readBody,
  send,
} from './httpPlumbing';
import { KvEngine } from './KvEngine';
import { NamespaceState } from './NamespaceState';
import {
  envelope,
  failure,
  ok,
  refuse,
  Reply,
  seconds,
  VaultReply,
} from './replies';
import {
  authReply,
  lookupSelfReply,
  ServerToken,
  TokenStore,
} from './TokenStore';

export type { ForcedFailure } from './httpPlumbing';

const PERMISSION_DENIED = 'permission denied';
/** How Vault words an ACL refusal (a bad token gets the bare message). */
const ACL_DENIED = '1 error occurred:\n\t* permission denied\n\n';
const NOT_A_WRAPPING_TOKEN = 'wrapping token is not valid or does not exist';

export interface RecordedRequest {
  method: string;
  /** After /v1/, as sent. */
  path: string;
  query: Record<string, string>;
  namespace: string;
  /** Whether X-Vault-Token was sent; its value is not recorded. */
  hasToken: boolean;
  /** The other headers. */
  headers: IncomingHttpHeaders;
}

export interface VaultApiServerOptions {
  rootToken?: string;
  clock?: () => number;
  kvMounts?: string[];
  appRoleMounts?: string[];
  kubernetesMounts?: string[];
  version?: string;
  /** Listen here (a restart on the same address); a free port if unset. */
  port?: number;
}

interface Context {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  namespace: string;
  state: NamespaceState;
  tokenId: string | undefined;
  token?: ServerToken;
  remoteAddress: string;
  wrapTtl: string | undefined;
}

/**
 * An HTTP server that answers the Vault API endpoints the secrets backend
 * uses the way Vault documents them (https://developer.hashicorp.com/vault/api-docs):
 * KV version 2, ACL policies enforced for every token, AppRole and
 * Kubernetes login, renew-self and lookup-self, response wrapping and
 * sys/health, with Vault's error bodies and status codes. Namespaces
 * (X-Vault-Namespace) have stores of their own; a token works in the
 * namespace it was made in, the root token in all. Switches make it sealed,
 * down (connections closed), slow or failing, and it records each request
 * (never a token value or a body) for tests to assert on.
 */
export class VaultApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly #server: Server;
  readonly #options: Required<VaultApiServerOptions>;
  readonly #tokens: TokenStore;
  readonly #namespaces = new Map<string, NamespaceState>();
  readonly #failures: ForcedFailure[] = [];
  #sealed = false;
  #initialized = true;
  #standby: StandbyMode = false;
  #down = false;
  #delayMs = 0;

  static async start(
    options: VaultApiServerOptions = {},
  ): Promise<VaultApiServer> {
    const server = new VaultApiServer(options);
    await new Promise<void>(resolve =>
      server.#server.listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    return server;
  }

  private constructor(options: VaultApiServerOptions) {
    this.#options = {
      rootToken: options.rootToken ?? `hvs.root-${randomUUID()}`,
      clock: options.clock ?? Date.now,
      kvMounts: options.kvMounts ?? ['secret'],
      appRoleMounts: options.appRoleMounts ?? ['approle'],
      kubernetesMounts: options.kubernetesMounts ?? ['kubernetes'],
      version: options.version ?? '1.18.0',
      port: options.port ?? 0,
    };
    this.#tokens = new TokenStore(this.#options.clock);
    this.#tokens.issue({
      id: this.#options.rootToken,
      namespace: '',
      policies: [],
      ttl: 0,
      renewable: false,
      root: true,
    });
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch(error => {
        send(res, failure(500, String(error)));
      });
    });
    this.#server.on('connection', socket => {
      if (this.#down) socket.destroy();
    });
  }

  /** What `baseUrl` (and VAULT_ADDR) should say. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get rootToken(): string {
    return this.#options.rootToken;
  }

  /** A token with these policies (plus default), as `vault token create`. */
  createToken(options: {
    policies: string[];
    ttlSeconds?: number;
    maxTtlSeconds?: number;
    renewable?: boolean;
    namespace?: string;
  }): string {
    return this.#tokens.issue({
      namespace: options.namespace ?? '',
      policies: ['default', ...options.policies],
      ttl: options.ttlSeconds ?? 3600,
      maxTtl: options.maxTtlSeconds,
      renewable: options.renewable ?? true,
    }).id;
  }

  /** Revokes every token but the root token. */
  revokeTokens(): void {
    this.#tokens.revokeAll();
  }

  seal(sealed = true): void {
    this.#sealed = sealed;
  }

  setHealth(health: { initialized?: boolean; standby?: StandbyMode }): void {
    this.#initialized = health.initialized ?? this.#initialized;
    this.#standby = health.standby ?? this.#standby;
  }

  /** Down: every connection is closed as soon as it opens. */
  setDown(down: boolean): void {
    this.#down = down;
  }

  /** Answers only after this long (for timeouts). */
  setDelay(ms: number): void {
    this.#delayMs = ms;
  }

  /** Answers the next requests (sys/health aside) with these, in turn. */
  failNext(...failures: Array<number | ForcedFailure>): void {
    this.#failures.push(
      ...failures.map(f => (typeof f === 'number' ? { status: f } : f)),
    );
  }

  requestsTo(pattern: RegExp): RecordedRequest[] {
    return this.requests.filter(r => pattern.test(r.path));
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise(resolve => this.#server.close(resolve));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.#down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\//, ''));
    const namespace = String(req.headers['x-vault-namespace'] ?? '').replace(
      /^\/+|\/+$/g,
      '',
    );
    const { 'x-vault-token': tokenHeader, ...headers } = req.headers;
    const tokenId = typeof tokenHeader === 'string' ? tokenHeader : undefined;
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      namespace,
      hasToken: tokenId !== undefined,
      headers,
    });
    if (this.#delayMs) {
      await new Promise(resolve => setTimeout(resolve, this.#delayMs));
      if (res.destroyed) return;
    }
    const wrapTtl = req.headers['x-vault-wrap-ttl'];
    let reply: Reply;
    try {
      const forced = path === 'sys/health' ? undefined : this.#failures.shift();
      reply = forced
        ? forcedReply(forced, raw, tokenId)
        : this.#answer({
            method: req.method ?? 'GET',
            path,
            query: url.searchParams,
            body: parseBody(raw),
            namespace,
            state: this.#state(namespace),
            tokenId,
            remoteAddress: req.socket.remoteAddress ?? '',
            wrapTtl: typeof wrapTtl === 'string' ? wrapTtl : undefined,
          });
      if (typeof wrapTtl === 'string' && path !== 'sys/wrapping/unwrap') {
        reply = this.#wrapReply(reply, namespace, wrapTtl, path);
      }
    } catch (error) {
      if (!(error instanceof VaultReply)) throw error;
      reply = error.reply;
    }
    send(res, reply);
  }

  #answer(ctx: Context): Reply {
    if (ctx.path === 'sys/health') {
      return healthReply({
        initialized: this.#initialized,
        sealed: this.#sealed,
        standby: this.#standby,
        version: this.#options.version,
        now: this.#options.clock(),
      });
    }
    if (this.#sealed) return failure(503, 'Vault is sealed');
    if (ctx.path === 'sys/wrapping/unwrap' && !ctx.body?.token) {
      return this.#unwrap(ctx.tokenId, ctx.namespace);
    }
    const login = this.#login(ctx);
    if (login) return login;
    ctx.token = this.#authenticate(ctx);
    const { method, path, body, state } = ctx;
    const write = method === 'POST' || method === 'PUT';

    switch (path) {
      case 'sys/wrapping/wrap':
        this.#authorize(ctx, path, 'update');
        if (!ctx.wrapTtl) {
          return failure(400, 'endpoint requires response wrapping to be used');
        }
        return write ? ok(body) : notAllowed(ctx);
      case 'sys/wrapping/unwrap':
        this.#authorize(ctx, path, 'update');
        return this.#unwrap(body.token, ctx.namespace);
      case 'auth/token/lookup-self':
        this.#authorize(ctx, path, 'read');
        return lookupSelfReply(ctx.token, this.#tokens.ttlOf(ctx.token));
      case 'auth/token/renew-self':
        this.#authorize(ctx, path, 'update');
        return this.#renewSelf(ctx.token, body);
      default:
    }
    const policy = /^sys\/policies\/acl\/([^/]+)$/.exec(path)?.[1];
    if (policy) {
      // Vault keeps policy names in lower case.
      const name = policy.toLowerCase();
      return this.#crud(ctx, state.hasPolicy(name), {
        read: () => state.readPolicy(name),
        write: () => state.writePolicy(name, body),
        delete: () => state.deletePolicy(name),
      });
    }
    for (const [mount, engine] of state.appRoles) {
      const role = new RegExp(
        `^auth/${escapeRegExp(mount)}/role/([^/]+)(/role-id|/secret-id)?$`,
      ).exec(path);
      if (role) {
        const [, name, sub] = role;
        if (sub === '/role-id') {
          this.#authorize(ctx, path, 'read');
          return engine.roleId(name);
        }
        if (sub === '/secret-id') {
          this.#authorize(ctx, path, 'update');
          return engine.secretId(name);
        }
        return this.#crud(ctx, engine.exists(name), {
          read: () => engine.read(name),
          write: () => engine.write(name, body),
          delete: () => engine.delete(name),
        });
      }
    }
    for (const [mount, engine] of state.kubernetes) {
      const role = new RegExp(
        `^auth/${escapeRegExp(mount)}/role/([^/]+)$`,
      ).exec(path);
      if (role) {
        return this.#crud(ctx, engine.exists(role[1]), {
          read: () => engine.read(role[1]),
          write: () => engine.write(role[1], body),
          delete: () => engine.delete(role[1]),
        });
      }
    }
    for (const [mount, kv] of state.kv) {
      const match = new RegExp(
        `^${escapeRegExp(mount)}/(data|metadata|delete|destroy)/(.*)$`,
      ).exec(path);
      if (match) return this.#kv(ctx, kv, match[1], match[2]);
    }
    return failure(
      404,
      `no handler for route "${path}". route entry not found.`,
    );
  }

  #kv(ctx: Context, kv: KvEngine, kind: string, key: string): Reply {
    const { method, body } = ctx;
    const list =
      kind === 'metadata' &&
      method === 'GET' &&
      ['true', '1'].includes(ctx.query.get('list') ?? '');
    if (list) {
      this.#authorize(ctx, ctx.path, 'list');
      return kv.list(key && !key.endsWith('/') ? `${key}/` : key);
    }
    if (kind === 'data') {
      return this.#crud(ctx, kv.exists(key), {
        read: () => kv.readData(key, ctx.query.get('version')),
        write: () => kv.writeData(key, body),
      });
    }
    if (kind === 'metadata') {
      return this.#crud(ctx, kv.exists(key), {
        read: () => kv.readMetadata(key),
        write: () => kv.writeMetadata(key, body),
        delete: () => kv.deleteMetadata(key),
      });
    }
    if (method !== 'POST' && method !== 'PUT') return notAllowed(ctx);
    this.#authorize(ctx, ctx.path, 'update');
    return kind === 'delete' ? kv.softDelete(key, body) : kv.destroy(key, body);
  }

  /** GET reads, POST/PUT create or update (by existence), DELETE deletes. */
  #crud(
    ctx: Context,
    exists: boolean,
    handlers: { read: () => Reply; write: () => Reply; delete?: () => Reply },
  ): Reply {
    switch (ctx.method) {
      case 'GET':
        this.#authorize(ctx, ctx.path, 'read');
        return handlers.read();
      case 'POST':
      case 'PUT':
        this.#authorize(ctx, ctx.path, exists ? 'update' : 'create');
        return handlers.write();
      case 'DELETE':
        if (!handlers.delete) return notAllowed(ctx);
        this.#authorize(ctx, ctx.path, 'delete');
        return handlers.delete();
      default:
        return notAllowed(ctx);
    }
  }

  /** Login paths need no token; undefined when this is not one. */
  #login(ctx: Context): Reply | undefined {
    const mount = /^auth\/(.+)\/login$/.exec(ctx.path)?.[1];
    if (!mount || (ctx.method !== 'POST' && ctx.method !== 'PUT')) {
      return undefined;
    }
    const approle = ctx.state.appRoles.get(mount);
    const kubernetes = ctx.state.kubernetes.get(mount);
    let grant: LoginGrant;
    if (approle) grant = approle.login(ctx.body);
    else if (kubernetes) grant = kubernetes.login(ctx.body);
    else return undefined;
    const token = this.#tokens.issue({
      namespace: ctx.namespace,
      policies: ['default', ...grant.policies],
      ttl: grant.ttl,
      maxTtl: grant.maxTtl,
      renewable: true,
      boundCidrs: grant.boundCidrs,
      meta: { role: grant.role },
    });
    return authReply(token, this.#tokens.ttlOf(token));
  }

  #authenticate(ctx: Context): ServerToken {
    const token = this.#tokens.lookup(ctx.tokenId);
    if (!token || (!token.root && token.namespace !== ctx.namespace)) {
      return refuse(403, PERMISSION_DENIED);
    }
    if (token.wrapped) return refuse(403, PERMISSION_DENIED);
    if (
      token.boundCidrs.length > 0 &&
      !token.boundCidrs.some(cidr => inCidr(ctx.remoteAddress, cidr))
    ) {
      return refuse(403, PERMISSION_DENIED);
    }
    return token;
  }

  #authorize(ctx: Context, path: string, capability: Capability): void {
    const token = ctx.token!;
    if (token.root) return;
    const rules = ctx.state.rulesOf(token.policies);
    if (!capabilitiesAt(rules, path).has(capability)) {
      refuse(403, ACL_DENIED);
    }
  }

  #renewSelf(token: ServerToken, body: any): Reply {
    if (!token.renewable) return failure(400, 'lease is not renewable');
    const increment = seconds(body?.increment, 'increment');
    const { ttl, capped } = this.#tokens.renew(token, increment);
    const reply = authReply(token, ttl);
    if (capped) {
      (reply.body as any).warnings = [
        `TTL of "${
          increment || token.creationTtl
        }s" exceeded the effective max_ttl of "${ttl}s"; TTL value is capped accordingly`,
      ];
    }
    return reply;
  }

  #unwrap(tokenId: string | undefined, namespace: string): Reply {
    const response = this.#tokens.unwrap(tokenId, namespace);
    return response
      ? { status: 200, body: response }
      : failure(400, NOT_A_WRAPPING_TOKEN);
  }

  #wrapReply(reply: Reply, namespace: string, ttl: string, path: string) {
    const body = reply.body as { data?: unknown; auth?: unknown } | undefined;
    if (reply.status !== 200 || (!body?.data && !body?.auth)) {
      return reply;
    }
    const ttlSeconds = seconds(ttl, 'X-Vault-Wrap-TTL');
    const wrapInfo = this.#tokens.wrap(namespace, body, ttlSeconds, path);
    return { status: 200, body: envelope({ wrap_info: wrapInfo }) };
  }

  #state(namespace: string): NamespaceState {
    let state = this.#namespaces.get(namespace);
    if (!state) {
      state = new NamespaceState(this.#options);
      this.#namespaces.set(namespace, state);
    }
    return state;
  }
}

function notAllowed(ctx: Context): Reply {
  return failure(405, `unsupported operation ${ctx.method} on ${ctx.path}`);
}
