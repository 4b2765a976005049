import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { GitopsScaffolderConfig } from '../config';
import { assertValidBranchName } from '../git/branchName';
import { GitAuthDeps, gitProviderOf, resolveGitAuth } from '../git/gitAuth';
import { assertRepoAllowed } from '../git/localAccess';
import { assertRemoteAllowed } from '../git/remoteAccess';
import { parseRepoLocation } from '../git/repoUrl';
import { GitCommandError, runGit } from '../git/runGit';
import { headCommit } from '../git/workspaceRepo';
import { examples } from './gitClone.examples';
import {
  DEFAULT_REPO_PATH,
  isAbsentOrEmpty,
  resolveWorkspaceDir,
} from './workspacePaths';

/** Why a clone failed, without network details (connection, TLS, HTTP status). */
export function cloneFailure(error: GitCommandError): string {
  if (/Remote branch .* not found|couldn't find remote ref/i.test(error.stderr))
    return 'the branch does not exist';
  return 'the repository could not be read (unreachable, missing, or access denied)';
}

/** Dependencies of `storage:git:clone`. */
export interface GitCloneActionDeps extends GitAuthDeps {
  config: GitopsScaffolderConfig;
}

/**
 * `storage:git:clone`: checks the GitOps repository's base branch out into
 * the workspace with the git CLI. It only reads the remote, so it also runs
 * in dry runs, which is what lets a dry run show the real diff.
 * @public
 */
export function createGitCloneAction(deps: GitCloneActionDeps) {
  const { config } = deps;
  return createTemplateAction({
    id: 'storage:git:clone',
    description:
      'Clones the GitOps repository (any git URL: https, ssh, file:// or a local bare repository path) into the workspace, on its base branch. GitHub URLs use the GitHub integration credentials.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string({
              description:
                'Repository to clone: https://host/owner/repo, git@host:owner/repo.git, file:///path, an absolute path, or host?owner=o&repo=r. Default: storage.gitops.repoUrl.',
            })
            .optional(),
        branch: z =>
          z
            .string({
              description:
                'Branch to check out. Default: storage.gitops.baseBranch (main).',
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description: `Workspace folder to clone into (must be absent or empty). Default: ${DEFAULT_REPO_PATH}.`,
            })
            .optional(),
      },
      output: {
        repoPath: z =>
          z.string({ description: 'Workspace folder holding the checkout' }),
        remoteUrl: z => z.string({ description: 'The URL that was cloned' }),
        baseBranch: z => z.string({ description: 'The branch checked out' }),
        commit: z =>
          z.string({ description: 'The commit id of the base branch' }),
        provider: z =>
          z.enum(['github', 'gitlab', 'git'], {
            description:
              'github when the host has a GitHub integration (use publish:github:pull-request), gitlab when it has a GitLab integration (storage:git:publish, then publish:gitlab:merge-request), otherwise git (use storage:git:publish)',
          }),
        githubRepoUrl: z =>
          z
            .string({
              description:
                'For GitHub repositories: host?owner=o&repo=r, the repoUrl form publish:github:pull-request takes',
            })
            .optional(),
        gitlabRepoUrl: z =>
          z
            .string({
              description:
                'For GitLab repositories: host?owner=group/subgroup&repo=project, the repoUrl form publish:gitlab:merge-request takes',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const rawUrl = ctx.input.repoUrl || config.repoUrl;
      if (!rawUrl) {
        throw new InputError(
          'repoUrl is not set and storage.gitops.repoUrl is not configured',
        );
      }
      const location = parseRepoLocation(rawUrl, 'repoUrl');
      assertRepoAllowed(location, config.allowedLocalRoots);
      assertRemoteAllowed(location, {
        allowedHosts: config.allowedHosts,
        integrations: deps.integrations,
      });
      const branch = ctx.input.branch || config.baseBranch;
      await assertValidBranchName(branch, 'branch');
      const repoPath = ctx.input.targetPath || DEFAULT_REPO_PATH;
      const targetDir = resolveWorkspaceDir(
        ctx.workspacePath,
        repoPath,
        'targetPath',
      );
      if (!(await isAbsentOrEmpty(targetDir))) {
        throw new InputError(
          `targetPath '${repoPath}' already exists in the workspace and is not empty`,
        );
      }

      const auth = await resolveGitAuth(location, deps);
      try {
        await runGit(
          [
            'clone',
            '--quiet',
            '--depth=1',
            '--single-branch',
            '--no-tags',
            `--branch=${branch}`,
            '--',
            location.gitUrl,
            targetDir,
          ],
          { env: auth.env, redact: auth.redact, signal: ctx.signal },
        );
      } catch (error) {
        if (error instanceof GitCommandError) {
          // git's own words tell closed ports from TLS from HTTP errors: keep them out.
          throw new InputError(
            `Could not clone ${
              location.gitUrl
            } at branch '${branch}': ${cloneFailure(error)}`,
          );
        }
        throw error;
      }

      const commit = await headCommit(targetDir);
      const provider = gitProviderOf(location, deps.integrations);
      const github = provider === 'github';
      ctx.logger.info(
        `Cloned ${location.gitUrl} (branch ${branch}, commit ${commit.slice(
          0,
          12,
        )}) into ${repoPath}`,
      );
      ctx.output('repoPath', repoPath);
      ctx.output('remoteUrl', location.gitUrl);
      ctx.output('baseBranch', branch);
      ctx.output('commit', commit);
      ctx.output('provider', provider);
      if (
        github &&
        location.kind === 'remote' &&
        location.owner &&
        location.repo
      ) {
        ctx.output(
          'githubRepoUrl',
          `${location.host}?owner=${encodeURIComponent(
            location.owner,
          )}&repo=${encodeURIComponent(location.repo)}`,
        );
      }
      const gitlabPath =
        provider === 'gitlab' && location.kind === 'remote'
          ? location.repoPath?.split('/')
          : undefined;
      if (gitlabPath) {
        ctx.output(
          'gitlabRepoUrl',
          `${location.kind === 'remote' ? location.host : ''}?owner=${gitlabPath
            .slice(0, -1)
            .map(encodeURIComponent)
            .join('/')}&repo=${encodeURIComponent(gitlabPath.at(-1)!)}`,
        );
      }
    },
  });
}
