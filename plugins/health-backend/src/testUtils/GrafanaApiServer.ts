import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

/** A dashboard the server holds. */
export interface GrafanaDashboard {
  uid: string;
  title: string;
  tags: string[];
  folderTitle?: string;
  panels: Array<{ id: number; title: string }>;
}

/** A Grafana-managed alert rule the server holds. */
export interface GrafanaRule {
  uid: string;
  title: string;
  folderUID: string;
  labels: Record<string, string>;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Plays the parts of Grafana's HTTP API the health backend reads, with the
 * documented shapes: `GET /api/search` (type and repeated tag filters, all
 * tags must match), `GET /api/dashboards/uid/:uid`, `GET
 * /api/v1/provisioning/alert-rules`, `GET /api/health`. Every route but
 * health wants `Authorization: Bearer <token>` and answers 401
 * `{"message":"Unauthorized"}` otherwise; an unknown uid is 404
 * `{"message":"Dashboard not found"}`. `failWith` makes it answer errors,
 * `stall` makes it never answer.
 */
export class GrafanaApiServer {
  readonly dashboards: GrafanaDashboard[] = [];
  readonly rules: GrafanaRule[] = [];
  /** Requests seen, as method and URL. */
  readonly requests: string[] = [];
  failWith: number | undefined;
  stall = false;
  #server?: Server;
  readonly #token: string;

  static async start(options: { token: string }): Promise<GrafanaApiServer> {
    const server = new GrafanaApiServer(options.token);
    await server.#listen();
    return server;
  }

  private constructor(token: string) {
    this.#token = token;
  }

  get baseUrl(): string {
    const { port } = this.#server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise(resolve => this.#server?.close(resolve));
  }

  #handle(req: IncomingMessage, res: ServerResponse) {
    this.requests.push(`${req.method} ${req.url}`);
    if (this.stall) return;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://grafana');
    if (url.pathname === '/api/health') {
      json(200, { commit: 'test', database: 'ok', version: '11.3.0' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${this.#token}`) {
      json(401, { message: 'Unauthorized' });
      return;
    }
    if (this.failWith) {
      json(this.failWith, { message: 'Internal Server Error' });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/search') {
      const tags = url.searchParams.getAll('tag');
      const type = url.searchParams.get('type');
      json(
        200,
        this.dashboards
          .filter(d => tags.every(t => d.tags.includes(t)))
          .filter(() => !type || type === 'dash-db')
          .map((d, i) => ({
            id: i + 1,
            uid: d.uid,
            title: d.title,
            uri: `db/${slug(d.title)}`,
            url: `/d/${d.uid}/${slug(d.title)}`,
            slug: '',
            type: 'dash-db',
            tags: d.tags,
            isStarred: false,
            ...(d.folderTitle && { folderTitle: d.folderTitle }),
          })),
      );
      return;
    }
    const byUid = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && byUid) {
      const d = this.dashboards.find(
        x => x.uid === decodeURIComponent(byUid[1]),
      );
      if (!d) {
        json(404, { message: 'Dashboard not found' });
        return;
      }
      json(200, {
        dashboard: {
          uid: d.uid,
          title: d.title,
          tags: d.tags,
          panels: d.panels,
        },
        meta: { slug: slug(d.title), url: `/d/${d.uid}/${slug(d.title)}` },
      });
      return;
    }
    if (
      req.method === 'GET' &&
      url.pathname === '/api/v1/provisioning/alert-rules'
    ) {
      json(
        200,
        this.rules.map(r => ({
          ...r,
          orgID: 1,
          ruleGroup: 'service',
          condition: 'C',
          data: [],
          for: '5m',
          noDataState: 'NoData',
          execErrState: 'Error',
        })),
      );
      return;
    }
    json(404, { message: 'Not found' });
  }

  async #listen(): Promise<void> {
    this.#server = createServer((req, res) => this.#handle(req, res));
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
  }
}
