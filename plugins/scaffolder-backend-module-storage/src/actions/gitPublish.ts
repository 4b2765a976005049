import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { GitopsScaffolderConfig } from '../config';
import { assertValidBranchName } from '../git/branchName';
import { GitAuthDeps, resolveGitAuth } from '../git/gitAuth';
import { COMMIT_SETTINGS, identityEnv } from '../git/identity';
import { assertRepoAllowed } from '../git/localAccess';
import { assertRemoteAllowed } from '../git/remoteAccess';
import { parseRepoLocation } from '../git/repoUrl';
import { runGit } from '../git/runGit';
import {
  currentBranch,
  headCommit,
  isWorkingTreeRoot,
  remoteBranchExists,
  remoteUrl,
  workingTreeChanges,
} from '../git/workspaceRepo';
import { commitAuthor } from './commitAuthor';
import { examples } from './gitPublish.examples';
import { DEFAULT_REPO_PATH, resolveWorkspaceDir } from './workspacePaths';

/** Dependencies of `storage:git:publish`. */
export interface GitPublishActionDeps extends GitAuthDeps {
  config: GitopsScaffolderConfig;
}

const DEFAULT_COMMIT_MESSAGE = 'Update the GitOps repository';

/**
 * `storage:git:publish`: commits the changes in a workspace checkout to a new
 * branch and pushes that branch to the checkout's origin with the git CLI.
 * For repositories on GitHub, templates open a pull request with the built-in
 * `publish:github:pull-request` instead.
 * @public
 */
export function createGitPublishAction(deps: GitPublishActionDeps) {
  const { config } = deps;
  return createTemplateAction({
    id: 'storage:git:publish',
    description:
      'Commits the changes of a workspace checkout (made by storage:git:clone) to a new branch and pushes it to origin. Fails, pushing nothing, when there is nothing to commit or the branch already exists.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        repoPath: z =>
          z
            .string({
              description: `Workspace folder of the checkout. Default: ${DEFAULT_REPO_PATH}.`,
            })
            .optional(),
        branchName: z =>
          z
            .string({
              description:
                'The new branch. It must not exist on the remote. Default: storage/<task id>.',
            })
            .optional(),
        commitMessage: z =>
          z
            .string({
              description: `First line of the commit message. Default: "${DEFAULT_COMMIT_MESSAGE}".`,
            })
            .optional(),
        description: z =>
          z.string({ description: 'Body of the commit message.' }).optional(),
        authorName: z =>
          z
            .string({
              description:
                "Commit author's name. Default: the requesting user's profile, else storage.gitops.author.",
            })
            .optional(),
        authorEmail: z =>
          z
            .string({
              description:
                "Commit author's email. Default: the requesting user's profile, else storage.gitops.author.",
            })
            .optional(),
      },
      output: {
        branch: z => z.string({ description: 'The branch pushed' }),
        commit: z =>
          z
            .string({ description: 'The commit id (absent in a dry run)' })
            .optional(),
        remoteUrl: z =>
          z.string({ description: 'Where the branch was pushed' }),
        baseBranch: z =>
          z.string({ description: 'The branch the new one starts from' }),
        changedFiles: z =>
          z
            .array(z.string(), {
              description: 'Paths committed (absent in a dry run)',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const repoPath = ctx.input.repoPath || DEFAULT_REPO_PATH;
      const repoDir = resolveWorkspaceDir(
        ctx.workspacePath,
        repoPath,
        'repoPath',
      );
      if (!(await isWorkingTreeRoot(repoDir))) {
        throw new InputError(
          `repoPath '${repoPath}' is not a git checkout; run storage:git:clone first`,
        );
      }
      const branch =
        ctx.input.branchName || `storage/${ctx.task.id.slice(0, 8)}`;
      await assertValidBranchName(branch, 'branchName');

      const origin = await remoteUrl(repoDir).catch(() => {
        throw new InputError(`repoPath '${repoPath}' has no 'origin' remote`);
      });
      const location = parseRepoLocation(origin, 'origin');
      assertRepoAllowed(location, config.allowedLocalRoots);
      assertRemoteAllowed(location, {
        allowedHosts: config.allowedHosts,
        integrations: deps.integrations,
      });
      const auth = await resolveGitAuth(location, deps);
      const gitAuth = {
        env: auth.env,
        redact: auth.redact,
        signal: ctx.signal,
      };

      const baseBranch = await currentBranch(repoDir);
      const changedFiles = (await workingTreeChanges(repoDir)).map(c => c.path);
      if (await remoteBranchExists(repoDir, branch, gitAuth)) {
        throw new InputError(
          `branchName '${branch}' already exists in ${origin}; merge or delete it, or choose another name`,
        );
      }

      if (ctx.isDryRun) {
        // Generator steps write nothing in a dry run, so there is nothing to
        // count here; the checks above (checkout, branch name, free branch) ran.
        ctx.logger.info(
          `Dry run: a real run commits the changes in ${repoPath} to the new branch ${branch} and pushes it to ${origin}; nothing was committed or pushed`,
        );
        ctx.output('branch', branch);
        ctx.output('remoteUrl', origin);
        ctx.output('baseBranch', baseBranch);
        return;
      }
      if (changedFiles.length === 0) {
        throw new InputError(
          `Nothing to publish: the checkout in '${repoPath}' has no changes (the repository already holds what was requested)`,
        );
      }

      const author = commitAuthor(
        ctx.input,
        ctx.user?.entity,
        config.committer,
      );
      const paragraphs = [
        ctx.input.commitMessage || DEFAULT_COMMIT_MESSAGE,
        ctx.input.description,
        ctx.user?.ref ? `Requested-by: ${ctx.user.ref}` : undefined,
      ].filter((p): p is string => Boolean(p));

      await runGit(['switch', '--quiet', '--create', branch], { cwd: repoDir });
      await runGit(['add', '--all'], { cwd: repoDir });
      await runGit(
        [
          ...COMMIT_SETTINGS,
          'commit',
          '--quiet',
          ...paragraphs.flatMap(p => ['-m', p]),
        ],
        { cwd: repoDir, env: identityEnv(author, config.committer) },
      );
      const commit = await headCommit(repoDir);
      await runGit(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], {
        ...gitAuth,
        cwd: repoDir,
      });

      ctx.logger.info(
        `Pushed commit ${commit.slice(0, 12)} (${
          changedFiles.length
        } file(s)) to branch ${branch} of ${origin}`,
      );
      ctx.output('branch', branch);
      ctx.output('commit', commit);
      ctx.output('remoteUrl', origin);
      ctx.output('baseBranch', baseBranch);
      ctx.output('changedFiles', changedFiles);
    },
  });
}
