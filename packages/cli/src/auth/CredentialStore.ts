import {
  chmod,
  mkdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError } from '../lib/CliError';
import { ExitCode } from '../lib/exitCodes';

/** A person's sign-in through the portal's auth backend (OAuth 2.0 + PKCE). */
export interface StoredUserSession {
  kind: 'user';
  userEntityRef: string;
  accessToken: string;
  /** Milliseconds since the epoch. */
  accessTokenExpiresAt: number;
  /** Present when the portal allows offline access. */
  refreshToken?: string;
  clientId: string;
  tokenEndpoint: string;
  revocationEndpoint?: string;
  signedInAt: string;
}

/** A static external-access token someone chose to store (`--save`, stdin). */
export interface StoredStaticToken {
  kind: 'static';
  token: string;
  savedAt: string;
}

export type StoredCredentials = StoredUserSession | StoredStaticToken;

export interface CredentialsFile {
  version: 1;
  /** The portal commands use when neither --portal nor FINOPS_PORTAL_URL says. */
  currentPortal?: string;
  portals: Record<string, StoredCredentials>;
}

/** Only the owner may read tokens; only the owner may list the folder. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * The credentials file, `$XDG_CONFIG_HOME/finops/credentials.json` (or
 * `~/.config/finops/credentials.json`). Written whole to a temporary file
 * with mode 0600 and renamed, so a reader never sees half a file and the
 * tokens are never readable by others, whatever the umask.
 */
export class CredentialStore {
  readonly file: string;

  static fromEnvironment(
    env: NodeJS.ProcessEnv = process.env,
  ): CredentialStore {
    const configHome = env.XDG_CONFIG_HOME?.trim()
      ? env.XDG_CONFIG_HOME
      : join(env.HOME?.trim() ? env.HOME : homedir(), '.config');
    return new CredentialStore(join(configHome, 'finops', 'credentials.json'));
  }

  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<CredentialsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { version: 1, portals: {} };
      }
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as CredentialsFile;
      if (parsed?.version !== 1 || typeof parsed.portals !== 'object') {
        throw new Error('unknown layout');
      }
      return parsed;
    } catch {
      throw new CliError(
        ExitCode.NotSignedIn,
        `The credentials file ${this.file} is unreadable: delete it and run finops login`,
      );
    }
  }

  async get(portal: string): Promise<StoredCredentials | undefined> {
    return (await this.read()).portals[portal];
  }

  async currentPortal(): Promise<string | undefined> {
    return (await this.read()).currentPortal;
  }

  /**
   * Stores a portal's credentials; a sign-in also makes it the current
   * portal, a token refresh does not.
   */
  async save(
    portal: string,
    credentials: StoredCredentials,
    options: { makeCurrent: boolean } = { makeCurrent: true },
  ): Promise<void> {
    const data = await this.read();
    data.portals[portal] = credentials;
    if (options.makeCurrent) data.currentPortal = portal;
    await this.#write(data);
  }

  /** Forgets a portal's credentials; returns what was stored, if anything. */
  async remove(portal: string): Promise<StoredCredentials | undefined> {
    const data = await this.read();
    const removed = data.portals[portal];
    delete data.portals[portal];
    if (data.currentPortal === portal) {
      delete data.currentPortal;
    }
    if (Object.keys(data.portals).length === 0) {
      await rm(this.file, { force: true });
    } else {
      await this.#write(data);
    }
    return removed;
  }

  async #write(data: CredentialsFile): Promise<void> {
    const dir = dirname(this.file);
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    // mkdir leaves an existing folder's mode alone, and the umask can narrow
    // it further: set it outright (this folder is ours alone).
    await chmod(dir, DIR_MODE);
    const temporary = `${this.file}.${process.pid}.tmp`;
    // 'wx' creates the file with FILE_MODE or fails: never reuse a leftover
    // that someone else could have created with a wider mode.
    await rm(temporary, { force: true });
    await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, {
      mode: FILE_MODE,
      flag: 'wx',
    });
    await chmod(temporary, FILE_MODE);
    await rename(temporary, this.file);
  }
}
