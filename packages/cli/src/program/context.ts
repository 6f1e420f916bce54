import { CredentialStore } from '../auth/CredentialStore';
import { CliError } from '../lib/CliError';
import { Output, OutputStreams } from '../output/Output';
import { createClients, PortalClients } from '../portal/clients';
import { PortalSession } from '../portal/PortalSession';
import { choosePortalUrl, NO_PORTAL_MESSAGE } from '../portal/portalUrl';
import { DEFAULT_TIMEOUT_SECONDS } from './help';

/** What the command line touches outside itself; tests pass their own. */
export interface CliDependencies {
  env: NodeJS.ProcessEnv;
  streams: OutputStreams;
  /** Read by `finops login --token-stdin`. */
  readStdin: () => Promise<string>;
  fetch: typeof fetch;
  now: () => number;
  /** Opens a URL in the user's browser (login). */
  openBrowser: (url: string) => Promise<void>;
  store?: CredentialStore;
}

/** The options every command takes. */
export interface GlobalOptions {
  portal?: string;
  json?: boolean;
  timeout?: number;
}

/** What a command's handler works with. */
export class CommandContext {
  readonly output: Output;
  readonly store: CredentialStore;
  readonly deps: CliDependencies;
  readonly options: GlobalOptions;
  #session?: Promise<PortalSession>;
  #clients?: Promise<PortalClients>;

  constructor(deps: CliDependencies, options: GlobalOptions) {
    this.deps = deps;
    this.options = options;
    this.store = deps.store ?? CredentialStore.fromEnvironment(deps.env);
    this.output = new Output({
      streams: deps.streams,
      json: Boolean(options.json),
      env: deps.env,
    });
  }

  get env(): NodeJS.ProcessEnv {
    return this.deps.env;
  }

  now(): Date {
    return new Date(this.deps.now());
  }

  /** The portal URL, or undefined when nothing names one. */
  async portalUrl(): Promise<string | undefined> {
    return choosePortalUrl({
      flag: this.options.portal,
      env: this.deps.env,
      stored: await this.store.currentPortal(),
    });
  }

  /** The session with the chosen portal; a usage error when none is. */
  session(): Promise<PortalSession> {
    this.#session ??= this.portalUrl().then(portalUrl => {
      if (!portalUrl) throw CliError.usage(NO_PORTAL_MESSAGE);
      return PortalSession.create({
        portalUrl,
        env: this.deps.env,
        store: this.store,
        fetch: this.deps.fetch,
        timeoutMs: (this.options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        now: this.deps.now,
      });
    });
    return this.#session;
  }

  clients(): Promise<PortalClients> {
    this.#clients ??= this.session().then(session => createClients(session));
    return this.#clients;
  }

  /** The session if one was opened, for mapping errors after a failure. */
  openedSession(): Promise<PortalSession> | undefined {
    return this.#session;
  }
}
