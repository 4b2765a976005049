import { GeneratorError } from '../errors/GeneratorError';

/**
 * Why a repository path is unsafe, or undefined when it is a clean relative
 * POSIX path (no absolute path, no `..`, no `.` segment, no backslash, no NUL,
 * no empty segment).
 */
export function repoPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'is empty';
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'contains a backslash (use POSIX "/")';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return 'is absolute (it must be relative to the repository root)';
  }
  const segments = path.split('/');
  if (segments.includes('..')) return "contains '..'";
  if (segments.includes('.')) return "contains a '.' segment";
  if (segments.some(segment => segment.length === 0)) {
    return 'contains an empty segment (a doubled or trailing "/")';
  }
  return undefined;
}

/** Throws a GeneratorError naming `what` unless the path is a clean relative POSIX path. */
export function assertRepoPath(path: string, what = 'path'): string {
  const problem = repoPathProblem(path);
  if (problem) {
    throw new GeneratorError(`${what} '${printable(path)}' ${problem}`, {
      code: 'invalid-input',
      field: what,
    });
  }
  return path;
}

/** Joins clean path segments with `/` (each segment may itself contain `/`). */
export function joinRepoPath(...segments: string[]): string {
  return segments.filter(segment => segment.length > 0).join('/');
}

/** The parent folder of a repository path; '' for a top-level entry. */
export function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/** The last segment of a repository path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The path of `target` relative to the folder `from` (both repository paths),
 * e.g. from `apps/a/overlays/prod` to `apps/a/base` is `../../base`.
 */
export function relativeRepoPath(from: string, target: string): string {
  const fromParts = from ? from.split('/') : [];
  const targetParts = target ? target.split('/') : [];
  let common = 0;
  while (
    common < fromParts.length &&
    common < targetParts.length &&
    fromParts[common] === targetParts[common]
  ) {
    common++;
  }
  const up = fromParts.slice(common).map(() => '..');
  const rest = targetParts.slice(common);
  const joined = [...up, ...rest].join('/');
  return joined.length === 0 ? '.' : joined;
}

function printable(path: string): string {
  return path.replace(/\0/g, '\\0');
}
