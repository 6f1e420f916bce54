import { createServer, Server } from 'node:http';
import { CliError } from '../lib/CliError';
import { ExitCode } from '../lib/exitCodes';

/** What the browser brought back to the loopback redirect. */
export interface CallbackResult {
  code: string;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:36rem">` +
  `<h1>${title}</h1><p>${text}</p></body>`;

/**
 * The loopback redirect of a native app's sign-in (RFC 8252 section 7.3):
 * listens on the redirect URI's address and port, accepts one callback
 * carrying the expected `state`, and answers the browser with a page saying
 * it can be closed. Requests with another state are refused and ignored, so
 * nothing but this sign-in's own redirect can complete it.
 */
export class LoopbackCallback {
  readonly #server: Server;
  readonly #result: Promise<CallbackResult>;

  static async listen(options: {
    redirectUri: string;
    state: string;
  }): Promise<LoopbackCallback> {
    const url = new URL(options.redirectUri);
    const callback = new LoopbackCallback(url.pathname, options.state);
    await callback.#listen(url);
    return callback;
  }

  private constructor(path: string, state: string) {
    let settle!: {
      resolve: (r: CallbackResult) => void;
      reject: (e: Error) => void;
    };
    this.#result = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    // A sign-in abandoned later must not leave an unhandled rejection.
    this.#result.catch(() => undefined);
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method !== 'GET' || url.pathname !== path) {
        res.writeHead(404).end();
        return;
      }
      if (url.searchParams.get('state') !== state) {
        res
          .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            PAGE(
              'Sign-in not recognised',
              'This is not the sign-in finops started.',
            ),
          );
        return;
      }
      const error = url.searchParams.get('error');
      const code = url.searchParams.get('code');
      if (error || !code) {
        const reason =
          url.searchParams.get('error_description') ?? error ?? 'no code';
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            PAGE('Sign-in refused', 'You can close this tab; finops says why.'),
          );
        settle.reject(
          new CliError(
            ExitCode.NotSignedIn,
            `The sign-in was not completed in the browser (${reason}): run finops login again`,
          ),
        );
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(PAGE('Signed in', 'finops is signed in. You can close this tab.'));
      settle.resolve({ code });
    });
  }

  #listen(url: URL): Promise<void> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || 80);
    return new Promise((resolve, reject) => {
      this.#server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? CliError.failure(
                `Port ${port} is in use, and the portal's sign-in returns to ${url.origin}: stop what uses it and run finops login again`,
              )
            : error,
        );
      });
      this.#server.listen(port, host, () => resolve());
    });
  }

  /** The code, or a sign-in error; gives up after `timeoutMs`. */
  async waitForCode(timeoutMs: number): Promise<CallbackResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CliError(
              ExitCode.NotSignedIn,
              `No sign-in arrived within ${Math.round(
                timeoutMs / 1000,
              )} s: run finops login again (--wait gives more time)`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.#result, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>(resolve => this.#server.close(() => resolve()));
  }
}
