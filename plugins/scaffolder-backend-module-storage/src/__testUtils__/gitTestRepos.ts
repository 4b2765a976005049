import fs from 'node:fs';
import path from 'node:path';
import { ensureLocalBareRepo } from '../git/localBareRepo';
import { runGit } from '../git/runGit';
import { DEFAULT_COMMITTER } from '../config';
import { findRepoRoot } from '../repoRoot';

/** The fixture GitOps repository the temporary bare repositories start from. */
export const FIXTURE_REPO = path.join(
  findRepoRoot(),
  'test/fixtures/gitops-repo',
);

/** The repository's templates folder. */
export const TEMPLATES_DIR = path.join(findRepoRoot(), 'templates');

/**
 * A real bare repository at `dir` (which must not exist) holding the files of
 * `seedFrom` as one commit on `main`, made with `git init --bare` + push.
 */
export async function createTestBareRepo(
  dir: string,
  seedFrom: string = FIXTURE_REPO,
): Promise<{ path: string; commit: string }> {
  const result = await ensureLocalBareRepo({
    path: dir,
    seedFrom,
    branch: 'main',
    committer: DEFAULT_COMMITTER,
  });
  if (result.status !== 'created') {
    throw new Error(`test bare repository ${dir} already existed`);
  }
  return { path: result.path, commit: result.commit };
}

/** Branch name → commit id, as the bare repository has them. */
export async function branchesOf(
  bareRepo: string,
): Promise<Record<string, string>> {
  const out = await runGit(
    ['for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/heads'],
    { cwd: bareRepo },
  );
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map(line => line.split(' ') as [string, string]),
  );
}

/** A file's content at a ref of the repository. */
export async function fileAt(
  bareRepo: string,
  ref: string,
  filePath: string,
): Promise<string> {
  return runGit(['show', `${ref}:${filePath}`], { cwd: bareRepo });
}

/** Paths a commit changed relative to its parent, sorted. */
export async function filesChangedBy(
  bareRepo: string,
  ref: string,
): Promise<string[]> {
  const out = await runGit(
    ['diff-tree', '--no-commit-id', '--name-only', '-r', `${ref}^`, ref],
    { cwd: bareRepo },
  );
  return out.split('\n').filter(Boolean).sort();
}

/** A commit's field, e.g. `%an <%ae>` or `%B`. */
export async function commitField(
  bareRepo: string,
  ref: string,
  format: string,
): Promise<string> {
  return (
    await runGit(['log', '-1', `--format=${format}`, ref], { cwd: bareRepo })
  ).trim();
}

/** Writes a small seed folder (for tests that need no GitOps layout). */
export function writeSeed(dir: string, files: Record<string, string>): string {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return dir;
}
