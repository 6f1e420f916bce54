import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';

/** The config key of the local repositories. */
export const LOCAL_REPOS_CONFIG_KEY = 'scaffolder.localRepos';
const DEFAULT_HOST = 'repos.local';
/** Owner and repository names: GitHub's rules, no dots-only names. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
/** Branches and tags as git accepts them, without ranges or revisions. */
const REF = /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}$/;

/** Where a local repository URL points. */
export interface LocalRepoLocation {
  owner: string;
  repo: string;
  /** `blob` for a file, `tree` for a folder. */
  kind: 'blob' | 'tree';
  ref: string;
  /** Below the repository's root, without leading or trailing slashes. */
  path: string;
}

/** Runs git without a shell; rejects with git's own message. */
export function git(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          ...options.env,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          fail(
            new Error(
              `git ${args[0]} failed: ${stderr.trim() || error.message}`,
            ),
          );
        } else {
          done(stdout);
        }
      },
    );
  });
}

/**
 * The local repositories of `scaffolder.localRepos`: folders
 * `<directory>/<owner>/<repo>`, each a git repository, addressed as
 * `https://<host>/<owner>/<repo>/...` the way GitHub addresses files.
 */
export class LocalRepos {
  readonly directory: string;
  readonly host: string;

  static fromConfig(config: Config): LocalRepos | undefined {
    const local = config.getOptionalConfig(LOCAL_REPOS_CONFIG_KEY);
    if (!local) return undefined;
    const host = local.getOptionalString('host') ?? DEFAULT_HOST;
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d+)?$/.test(host)) {
      throw new Error(
        `${LOCAL_REPOS_CONFIG_KEY}.host "${host}" is not a host name`,
      );
    }
    return LocalRepos.create({
      directory: local.getString('directory'),
      host,
    });
  }

  /** Repositories under `directory` (resolved), addressed on `host`. */
  static create(options: { directory: string; host: string }): LocalRepos {
    return new LocalRepos(resolve(options.directory), options.host);
  }

  private constructor(directory: string, host: string) {
    this.directory = directory;
    this.host = host;
  }

  /** The folder of a repository; throws InputError on an unsafe name. */
  folder(owner: string, repo: string): string {
    for (const [what, name] of [
      ['owner', owner],
      ['repository', repo],
    ]) {
      if (!NAME.test(name) || /^\.+$/.test(name)) {
        throw new InputError(
          `The ${what} name "${name}" may only hold letters, digits, ".", "_" and "-"`,
        );
      }
    }
    return resolve(this.directory, owner, repo);
  }

  /** Whether a URL is one of ours. */
  handles(url: URL): boolean {
    return url.host === this.host;
  }

  /** The browse URL of a repository. */
  repoUrl(owner: string, repo: string): string {
    return `https://${this.host}/${owner}/${repo}`;
  }

  /** Parses `https://<host>/<owner>/<repo>/(blob|tree)/<ref>/<path>`. */
  parse(target: string): LocalRepoLocation {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new InputError(`"${target}" is not a URL`);
    }
    const parts = url.pathname.split('/').filter(p => p !== '');
    const [owner, repo, kind, ref, ...rest] = parts.map(decodeURIComponent);
    if (
      !this.handles(url) ||
      !owner ||
      !repo ||
      (kind !== 'blob' && kind !== 'tree') ||
      !ref ||
      !REF.test(ref) ||
      ref.includes('..')
    ) {
      throw new InputError(
        `"${target}" is not a local repository URL such as https://${this.host}/<owner>/<repo>/blob/main/catalog-info.yaml`,
      );
    }
    this.folder(owner, repo);
    const path = rest.join('/');
    if (rest.some(p => p === '..' || p === '.')) {
      throw new InputError(`"${target}" leaves its repository`);
    }
    return { owner, repo, kind, ref, path };
  }

  /** The folder of an existing repository; NotFoundError otherwise. */
  async existing(owner: string, repo: string): Promise<string> {
    const folder = this.folder(owner, repo);
    const found = await stat(resolve(folder, '.git')).catch(() => undefined);
    if (!found) {
      throw new NotFoundError(`There is no local repository ${owner}/${repo}`);
    }
    return folder;
  }

  /** The commit a ref points at; NotFoundError for an unknown ref. */
  async commitOf(folder: string, ref: string): Promise<string> {
    try {
      return (
        await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
          cwd: folder,
        })
      ).trim();
    } catch {
      throw new NotFoundError(`The local repository has no ref ${ref}`);
    }
  }

  async ensureDirectory(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
  }

  async ensureOwner(owner: string): Promise<void> {
    await mkdir(resolve(this.directory, owner), { recursive: true });
  }
}
