import { runGit, RunGitOptions } from './runGit';

/** One entry of `git status`: a path and its two-letter porcelain code. */
export interface StatusEntry {
  code: string;
  path: string;
}

/** Uncommitted changes in a working tree, untracked files included. */
export async function workingTreeChanges(
  repoDir: string,
  options: RunGitOptions = {},
): Promise<StatusEntry[]> {
  const out = await runGit(
    ['status', '--porcelain=v1', '-z', '--untracked-files=all'],
    { ...options, cwd: repoDir },
  );
  const fields = out.split('\0').filter(Boolean);
  const entries: StatusEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const code = fields[i].slice(0, 2);
    entries.push({ code, path: fields[i].slice(3) });
    // A rename is followed by its source path in -z mode.
    if (code.startsWith('R') || code.startsWith('C')) {
      i++;
    }
  }
  return entries;
}

/** True when `dir` is the top of a git working tree. */
export async function isWorkingTreeRoot(dir: string): Promise<boolean> {
  try {
    const top = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir });
    const real = await runGit(['rev-parse', '--show-prefix'], { cwd: dir });
    return top.trim().length > 0 && real.trim() === '';
  } catch {
    return false;
  }
}

/** The fetch URL of a remote (`origin` by default). */
export async function remoteUrl(
  repoDir: string,
  remote = 'origin',
): Promise<string> {
  return (await runGit(['remote', 'get-url', remote], { cwd: repoDir })).trim();
}

/** True when the remote already has a branch of that name. */
export async function remoteBranchExists(
  repoDir: string,
  branch: string,
  options: RunGitOptions = {},
): Promise<boolean> {
  const out = await runGit(
    ['ls-remote', '--heads', 'origin', `refs/heads/${branch}`],
    { ...options, cwd: repoDir },
  );
  return out.trim().length > 0;
}

/** The commit id of HEAD. */
export async function headCommit(repoDir: string): Promise<string> {
  return (await runGit(['rev-parse', 'HEAD'], { cwd: repoDir })).trim();
}

/** The current branch name (empty for a detached HEAD). */
export async function currentBranch(repoDir: string): Promise<string> {
  return (await runGit(['branch', '--show-current'], { cwd: repoDir })).trim();
}
