import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { minimatch } from 'minimatch';
import { git, LocalRepos } from './LocalRepos';

/**
 * Reads the local repositories the way the GitHub reader reads GitHub:
 * files (`blob`), folders (`tree`, as a tar from `git archive`) and globs,
 * at a branch, tag or commit; the commit is the ETag, so the catalog's
 * refresh and TechDocs skip what did not change.
 */
export class LocalReposUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const repos = LocalRepos.fromConfig(config);
    if (!repos) return [];
    const reader = new LocalReposUrlReader(repos, treeResponseFactory);
    return [{ reader, predicate: url => repos.handles(url) }];
  };

  readonly #repos: LocalRepos;
  readonly #trees: ReadTreeResponseFactory;

  constructor(repos: LocalRepos, trees: ReadTreeResponseFactory) {
    this.#repos = repos;
    this.#trees = trees;
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const at = this.#repos.parse(url);
    const folder = await this.#repos.existing(at.owner, at.repo);
    const commit = await this.#repos.commitOf(folder, at.ref);
    if (options?.etag === commit) {
      throw new NotModifiedError();
    }
    const content = await this.#file(folder, commit, at.path, url);
    return {
      buffer: async () => content,
      etag: commit,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const at = this.#repos.parse(url);
    const folder = await this.#repos.existing(at.owner, at.repo);
    const commit = await this.#repos.commitOf(folder, at.ref);
    if (options?.etag === commit) {
      throw new NotModifiedError();
    }
    const treeish = `${commit}:${at.path}`;
    // Fails fast, with a clear error, on a folder that does not exist.
    const type = await git(['cat-file', '-t', treeish], { cwd: folder }).catch(
      () => '',
    );
    if (type.trim() !== 'tree') {
      throw new NotFoundError(`${url} is not a folder of ${at.ref}`);
    }
    return this.#trees.fromTarArchive({
      stream: gitArchive(folder, treeish),
      etag: commit,
      filter: options?.filter,
      stripFirstDirectory: false,
    });
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const at = this.#repos.parse(url);
    const folder = await this.#repos.existing(at.owner, at.repo);
    const commit = await this.#repos.commitOf(folder, at.ref);
    if (options?.etag === commit) {
      throw new NotModifiedError();
    }
    const files = (
      await git(['ls-tree', '-r', '--name-only', '-z', commit], {
        cwd: folder,
      })
    )
      .split('\0')
      .filter(path => path !== '' && minimatch(path, at.path, { dot: true }));
    const base = `https://${this.#repos.host}/${at.owner}/${at.repo}/blob/${
      at.ref
    }`;
    return {
      etag: commit,
      files: files.map(path => ({
        url: `${base}/${path}`,
        content: () => this.#file(folder, commit, path, `${base}/${path}`),
      })),
    };
  }

  toString(): string {
    return `localRepos{host=${this.#repos.host}}`;
  }

  async #file(
    folder: string,
    commit: string,
    path: string,
    url: string,
  ): Promise<Buffer> {
    return new Promise((done, fail) => {
      const chunks: Buffer[] = [];
      const show = spawn('git', ['cat-file', 'blob', `${commit}:${path}`], {
        cwd: folder,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      show.stdout.on('data', chunk => chunks.push(chunk));
      show.on('error', fail);
      show.on('close', code =>
        code === 0
          ? done(Buffer.concat(chunks))
          : fail(new NotFoundError(`${url} does not exist`)),
      );
    });
  }
}

/**
 * `git archive` of a tree as a stream that is read from at once: callers
 * (TechDocs) read the tree some time after asking for it, and Node drops
 * what an exited child wrote to a pipe nobody was reading, so a small
 * repository's archive would arrive empty. The stream fails with git's
 * own message when git does.
 */
function gitArchive(folder: string, treeish: string): Readable {
  const archive = new PassThrough();
  const child = spawn('git', ['archive', '--format=tar', treeish], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', chunk => stderr.push(chunk));
  child.stdout.pipe(archive, { end: false });
  child.on('error', error => archive.destroy(error));
  child.on('close', code => {
    if (code === 0) {
      archive.end();
    } else {
      const message = Buffer.concat(stderr).toString().trim();
      archive.destroy(
        new Error(`git archive failed: ${message || `exit code ${code}`}`),
      );
    }
  });
  return archive;
}
