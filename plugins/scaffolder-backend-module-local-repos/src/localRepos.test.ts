import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { git, LocalRepos } from './LocalRepos';
import { LocalReposUrlReader } from './LocalReposUrlReader';
import { createPublishLocalAction } from './publishLocalAction';

describe('local repositories', () => {
  let root: string;
  let workspace: string;
  let repos: LocalRepos;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-repos-'));
    workspace = join(root, 'workspace');
    await mkdir(join(workspace, 'docs'), { recursive: true });
    await writeFile(
      join(workspace, 'catalog-info.yaml'),
      'kind: Component\nmetadata:\n  name: checkout\n',
    );
    await writeFile(join(workspace, 'mkdocs.yml'), 'site_name: checkout\n');
    await writeFile(join(workspace, 'docs', 'index.md'), '# Checkout\n');
    repos = LocalRepos.create({
      directory: join(root, 'repos'),
      host: 'repos.local',
    });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const config = () =>
    new ConfigReader({
      scaffolder: {
        localRepos: { directory: join(root, 'repos'), host: 'repos.local' },
      },
    });

  async function publish(
    repoUrl = 'repos.local?owner=payments-team&repo=checkout',
    options: { isDryRun?: boolean } = {},
  ) {
    const ctx = createMockActionContext({
      input: { repoUrl },
      workspacePath: workspace,
      user: {
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'ana' },
          spec: {
            profile: { displayName: 'Ana Lima', email: 'ana@example.com' },
          },
        },
        ref: 'user:default/ana',
      },
    });
    if (options.isDryRun) Object.assign(ctx, { isDryRun: true });
    await createPublishLocalAction({ repos }).handler(ctx as any);
    return ctx;
  }

  function reader() {
    return UrlReaders.create({
      config: mockServices.rootConfig({ data: config().get() as any }),
      logger: mockServices.logger.mock(),
      factories: [LocalReposUrlReader.factory],
    });
  }

  it('publishes the workspace as a first commit by the user, and the reader reads it back', async () => {
    const ctx = await publish();
    const folder = join(root, 'repos', 'payments-team', 'checkout');
    const commit = (await git(['rev-parse', 'HEAD'], { cwd: folder })).trim();
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      'https://repos.local/payments-team/checkout',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      'https://repos.local/payments-team/checkout/tree/main',
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commit);
    expect(
      (await git(['log', '--format=%an <%ae>|%s'], { cwd: folder })).trim(),
    ).toBe('Ana Lima <ana@example.com>|Initial commit from a template');
    // Nothing staged is left beside it.
    expect(await readdir(join(root, 'repos'))).toEqual(['payments-team']);
    expect(await readdir(join(root, 'repos', 'payments-team'))).toEqual([
      'checkout',
    ]);

    const urls = reader();
    const file = await urls.readUrl(
      'https://repos.local/payments-team/checkout/blob/main/catalog-info.yaml',
    );
    expect((await file.buffer()).toString()).toContain('name: checkout');
    expect(file.etag).toBe(commit);
    await expect(
      urls.readUrl(
        'https://repos.local/payments-team/checkout/blob/main/catalog-info.yaml',
        { etag: commit },
      ),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });

    await expect(
      urls.readTree(
        'https://repos.local/payments-team/checkout/tree/main/mkdocs.yml',
      ),
    ).rejects.toThrow('is not a folder of main');
    const tree = await urls.readTree(
      'https://repos.local/payments-team/checkout/tree/main/docs',
    );
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual(['index.md']);
    expect((await files[0].content()).toString()).toBe('# Checkout\n');
    expect(tree.etag).toBe(commit);

    const whole = await urls.readTree(
      'https://repos.local/payments-team/checkout/tree/main',
    );
    expect((await whole.files()).map(f => f.path).sort()).toEqual([
      'catalog-info.yaml',
      'docs/index.md',
      'mkdocs.yml',
    ]);

    // TechDocs reads the tree a while after asking for it: by then git has
    // written the whole (small) archive and exited.
    const late = await urls.readTree(
      'https://repos.local/payments-team/checkout/tree/main',
    );
    await new Promise(resolve => setTimeout(resolve, 500));
    expect((await late.files()).map(f => f.path).sort()).toEqual([
      'catalog-info.yaml',
      'docs/index.md',
      'mkdocs.yml',
    ]);

    const found = await urls.search(
      'https://repos.local/payments-team/checkout/blob/main/**/*.md',
    );
    expect(found.files.map(f => f.url)).toEqual([
      'https://repos.local/payments-team/checkout/blob/main/docs/index.md',
    ]);
  });

  it('reads a tree larger than a pipe holds, late, and says when git fails', async () => {
    // Bigger than the pipe and the stream buffers: git waits for the reader.
    const big = `${'x'.repeat(99)}\n`;
    await writeFile(join(workspace, 'docs', 'big.md'), big.repeat(4_000));
    await publish();
    const urls = reader();
    const tree = await urls.readTree(
      'https://repos.local/payments-team/checkout/tree/main/docs',
    );
    await new Promise(resolve => setTimeout(resolve, 500));
    const files = await tree.files();
    expect(files.map(f => f.path).sort()).toEqual(['big.md', 'index.md']);
    const content = await files.find(f => f.path === 'big.md')!.content();
    expect(content.length).toBe(400_000);

    // A repository git cannot read whole: a file's object is gone.
    const folder = join(root, 'repos', 'payments-team', 'checkout');
    const blob = (
      await git(['rev-parse', 'main:docs/index.md'], { cwd: folder })
    ).trim();
    await rm(join(folder, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const broken = await urls.readTree(
      'https://repos.local/payments-team/checkout/tree/main',
    );
    await expect(broken.files()).rejects.toThrow(
      /^git archive failed: (error|fatal): .*/,
    );
  });

  it('never overwrites an existing repository', async () => {
    await publish();
    await expect(publish()).rejects.toThrow(
      'The local repository payments-team/checkout already exists; choose another name',
    );
  });

  it('writes nothing on a dry run', async () => {
    const ctx = await publish(undefined, { isDryRun: true });
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      'https://repos.local/payments-team/checkout/tree/main',
    );
    await expect(readdir(join(root, 'repos'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it.each([
    [
      'github.com?owner=a&repo=b',
      /publishes to repos.local\?owner=<owner>&repo=<repo>/,
    ],
    ['repos.local?owner=a', /publishes to repos.local/],
    ['repos.local?owner=..&repo=b', /The owner name ".." may only hold/],
    [
      'repos.local?owner=a&repo=b%2Fc',
      /The repository name "b\/c" may only hold/,
    ],
  ])('refuses the location %s', async (repoUrl, message) => {
    await expect(publish(repoUrl)).rejects.toThrow(message);
  });

  it('says when local repositories are not enabled', async () => {
    const ctx = createMockActionContext({
      input: { repoUrl: 'repos.local?owner=a&repo=b' },
      workspacePath: workspace,
    });
    await expect(
      createPublishLocalAction({ repos: undefined }).handler(ctx as any),
    ).rejects.toThrow(
      'finops:publish:local is not enabled in this portal: scaffolder.localRepos is not configured. Publish to GitHub instead.',
    );
  });

  it('reads only inside the repositories', async () => {
    await publish();
    const urls = reader();
    await expect(
      urls.readUrl(
        'https://repos.local/payments-team/checkout/blob/main/../../x',
      ),
    ).rejects.toThrow(/not a local repository URL|leaves its repository/);
    await expect(
      urls.readUrl('https://repos.local/payments-team/nope/blob/main/a.yaml'),
    ).rejects.toThrow('There is no local repository payments-team/nope');
    await expect(
      urls.readUrl(
        'https://repos.local/payments-team/checkout/blob/main/missing.yaml',
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      urls.readUrl(
        'https://repos.local/payments-team/checkout/blob/nobranch/catalog-info.yaml',
      ),
    ).rejects.toThrow('The local repository has no ref nobranch');
  });
});
