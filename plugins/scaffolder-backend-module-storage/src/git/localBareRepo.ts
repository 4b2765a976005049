import fs from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './runGit';
import { COMMIT_SETTINGS, GitIdentity, identityEnv } from './identity';

/** How the embedded default repository is made. */
export interface LocalBareRepoOptions {
  /** Absolute path of the bare repository to create. */
  path: string;
  /** Absolute path of the folder whose files become the first commit. */
  seedFrom: string;
  branch: string;
  committer: GitIdentity;
  /**
   * Runs on the copied seed before the first commit (e.g. the seed
   * generators); its failure leaves no repository behind.
   */
  prepare?: (workDir: string) => Promise<void>;
}

/** What `ensureLocalBareRepo` did. */
export type LocalBareRepoResult =
  | { status: 'exists'; path: string }
  | { status: 'created'; path: string; commit: string };

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates a bare repository from a seed folder, with one commit on `branch`,
 * unless something is already at `path` (an existing repository is never
 * touched: it holds the user's branches). The repository is built in a
 * temporary folder beside the target and renamed into place, so a crash
 * leaves either nothing or a complete repository. A parent folder made here
 * gets a `.gitignore` of `*`, keeping the data out of the project's own git.
 */
export async function ensureLocalBareRepo(
  options: LocalBareRepoOptions,
): Promise<LocalBareRepoResult> {
  const target = path.resolve(options.path);
  if (await exists(target)) {
    return { status: 'exists', path: target };
  }
  const seedStat = await fs.stat(options.seedFrom).catch(() => undefined);
  if (!seedStat?.isDirectory()) {
    throw new Error(
      `storage.gitops.localBareRepo.seedFrom '${options.seedFrom}' is not a directory`,
    );
  }

  const parent = path.dirname(target);
  if (!(await exists(parent))) {
    await fs.mkdir(parent, { recursive: true });
    await fs.writeFile(path.join(parent, '.gitignore'), '*\n');
  }

  const staging = await fs.mkdtemp(
    path.join(parent, `.${path.basename(target)}-`),
  );
  try {
    const bare = path.join(staging, 'repo.git');
    const work = path.join(staging, 'work');
    await runGit([
      'init',
      '--quiet',
      '--bare',
      `--initial-branch=${options.branch}`,
      bare,
    ]);
    await runGit([
      'init',
      '--quiet',
      `--initial-branch=${options.branch}`,
      work,
    ]);
    await fs.cp(options.seedFrom, work, {
      recursive: true,
      filter: source => path.basename(source) !== '.git',
    });
    await options.prepare?.(work);
    await runGit(['add', '--all'], { cwd: work });
    await runGit(
      [
        ...COMMIT_SETTINGS,
        'commit',
        '--quiet',
        '-m',
        'Initial GitOps repository (seeded by Backstage)',
      ],
      { cwd: work, env: identityEnv(options.committer) },
    );
    await runGit(
      ['push', '--quiet', bare, `HEAD:refs/heads/${options.branch}`],
      {
        cwd: work,
      },
    );
    const commit = (await runGit(['rev-parse', 'HEAD'], { cwd: work })).trim();
    try {
      await fs.rename(bare, target);
    } catch (error) {
      // Another process created it in the meantime: keep theirs.
      if (await exists(target)) {
        return { status: 'exists', path: target };
      }
      throw error;
    }
    return { status: 'created', path: target, commit };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
