import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import {
  createTemplateAction,
  getRepoSourceDirectory,
} from '@backstage/plugin-scaffolder-node';
import { git, LOCAL_REPOS_CONFIG_KEY, LocalRepos } from './LocalRepos';

const EXAMPLE = [
  'steps:',
  '  - id: publish',
  '    name: Publish to a local repository',
  '    action: finops:publish:local',
  '    input:',
  '      repoUrl: repos.local?owner=payments-team&repo=${{ parameters.name }}',
].join('\n');

/** The owner and repository of a RepoUrlPicker value for the local host. */
function ownerAndRepo(repoUrl: string, repos: LocalRepos) {
  let url: URL;
  try {
    url = new URL(`https://${repoUrl}`);
  } catch {
    throw new InputError(`"${repoUrl}" is not a repository location`);
  }
  const owner = url.searchParams.get('owner');
  const repo = url.searchParams.get('repo');
  if (url.host !== repos.host || !owner || !repo) {
    throw new InputError(
      `finops:publish:local publishes to ${repos.host}?owner=<owner>&repo=<repo>, not "${repoUrl}"`,
    );
  }
  repos.folder(owner, repo);
  return { owner, repo };
}

/**
 * `finops:publish:local`: the workspace becomes a new git repository under
 * `scaffolder.localRepos.directory`, committed by the user who ran the
 * template, so that a portal without a code host can create services that
 * the catalog and TechDocs then read. The repository appears whole or not
 * at all; an existing one is never overwritten.
 */
export function createPublishLocalAction(options: {
  repos: LocalRepos | undefined;
}) {
  const { repos } = options;
  return createTemplateAction({
    id: 'finops:publish:local',
    description:
      'Publishes the workspace as a new git repository in the local portal (scaffolder.localRepos), readable by the catalog and TechDocs.',
    examples: [{ description: 'Publish locally', example: EXAMPLE }],
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string()
            .describe(
              'Repository location from the RepoUrlPicker: <host>?owner=<owner>&repo=<repo>',
            ),
        defaultBranch: z =>
          z
            .string()
            .regex(/^[A-Za-z0-9_][A-Za-z0-9_./-]{0,99}$/)
            .default('main')
            .describe('The branch of the first commit; main by default'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'The workspace folder to publish; the whole workspace by default',
            ),
        description: z =>
          z
            .string()
            .max(200)
            .optional()
            .describe('Written to .git/description'),
      },
      output: {
        remoteUrl: z => z.string().describe('The repository'),
        repoContentsUrl: z =>
          z
            .string()
            .describe('The default branch, for catalog:register and TechDocs'),
        commitHash: z => z.string().describe('The first commit'),
      },
    },
    async handler(ctx) {
      if (!repos) {
        throw new InputError(
          `finops:publish:local is not enabled in this portal: ${LOCAL_REPOS_CONFIG_KEY} is not configured. Publish to GitHub instead.`,
        );
      }
      const { owner, repo } = ownerAndRepo(ctx.input.repoUrl, repos);
      const branch = ctx.input.defaultBranch ?? 'main';
      const folder = repos.folder(owner, repo);
      if (await stat(folder).catch(() => undefined)) {
        throw new ConflictError(
          `The local repository ${owner}/${repo} already exists; choose another name`,
        );
      }
      const remoteUrl = repos.repoUrl(owner, repo);
      const repoContentsUrl = `${remoteUrl}/tree/${branch}`;
      if (ctx.isDryRun) {
        ctx.output('remoteUrl', remoteUrl);
        ctx.output('repoContentsUrl', repoContentsUrl);
        ctx.output('commitHash', '0'.repeat(40));
        return;
      }
      const profile = ctx.user?.entity?.spec?.profile as
        | { displayName?: string; email?: string }
        | undefined;
      const author = {
        GIT_AUTHOR_NAME:
          profile?.displayName ??
          ctx.user?.entity?.metadata.name ??
          'Scaffolder',
        GIT_AUTHOR_EMAIL: profile?.email ?? 'scaffolder@finops.local',
        GIT_COMMITTER_NAME: 'FinOps Platform',
        GIT_COMMITTER_EMAIL: 'scaffolder@finops.local',
      };
      await repos.ensureDirectory();
      // Built beside its final place, then renamed: whole or not at all.
      const staging = await mkdtemp(join(repos.directory, `.${repo}-`));
      try {
        await cp(
          getRepoSourceDirectory(ctx.workspacePath, ctx.input.sourcePath),
          staging,
          { recursive: true },
        );
        await git(['init', '--quiet', '--initial-branch', branch], {
          cwd: staging,
        });
        await git(['add', '--all'], { cwd: staging });
        await git(
          [
            '-c',
            'commit.gpgsign=false',
            'commit',
            '--quiet',
            '--message',
            `Initial commit from ${
              ctx.templateInfo?.entityRef ?? 'a template'
            }`,
          ],
          { cwd: staging, env: author },
        );
        const commitHash = (
          await git(['rev-parse', 'HEAD'], { cwd: staging })
        ).trim();
        await repos.ensureOwner(owner);
        await rename(staging, folder).catch(error => {
          throw error.code === 'ENOTEMPTY' || error.code === 'EEXIST'
            ? new ConflictError(
                `The local repository ${owner}/${repo} already exists; choose another name`,
              )
            : error;
        });
        ctx.logger.info(
          `Published ${owner}/${repo} (${commitHash.slice(
            0,
            12,
          )}) to ${remoteUrl}`,
        );
        ctx.output('remoteUrl', remoteUrl);
        ctx.output('repoContentsUrl', repoContentsUrl);
        ctx.output('commitHash', commitHash);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
  });
}
