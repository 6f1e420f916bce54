import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A request the test Argo CD received. */
export interface ArgoCdCall {
  method: string;
  path: string;
  body: any;
}

/**
 * An HTTP server that answers the way Argo CD's API server documents
 * `POST /api/v1/applications/{name}/sync` (swagger: ApplicationService_Sync):
 * a bearer token, the Application back on success, and grpc-gateway errors
 * `{"error", "code", "message"}` with 401 (code 16), 404 (code 5) and 400
 * (code 3) otherwise. Only for tests: Argo CD cannot run here.
 */
export async function startArgoCdApiServer(options: {
  token: string;
  applications: string[];
}): Promise<{ baseUrl: string; calls: ArgoCdCall[]; close(): Promise<void> }> {
  const calls: ArgoCdCall[] = [];
  const apps = new Set(options.applications);
  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = req.url ?? '/';
    calls.push({ method: req.method ?? 'GET', path, body });
    const fail = (status: number, code: number, message: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: message, code, message }));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      fail(401, 16, 'invalid session: token signature is invalid');
      return;
    }
    const match = /^\/api\/v1\/applications\/([^/]+)\/sync$/.exec(path);
    if (req.method !== 'POST' || !match) {
      fail(404, 5, 'Not Found');
      return;
    }
    const name = decodeURIComponent(match[1]);
    if (!apps.has(name)) {
      fail(404, 5, `applications.argoproj.io "${name}" not found`);
      return;
    }
    if (typeof body?.revision !== 'string' || body.revision === '') {
      fail(400, 3, 'revision is required');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        metadata: { name, namespace: 'argocd' },
        operation: {
          sync: { revision: body.revision, prune: Boolean(body.prune) },
          initiatedBy: { username: 'finops-portal' },
        },
        status: { operationState: { phase: 'Running' } },
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
