import fs from 'node:fs';
import nodePath from 'node:path';
import type { RepoReader } from '../types';
import { GeneratorError } from '../errors/GeneratorError';
import { assertRepoPath } from './repoPath';

/**
 * Resolves a repository path to an absolute path inside `root`, refusing any
 * path that is not clean or that leaves the root through a symbolic link.
 */
export function resolveInsideRoot(root: string, path: string): string {
  assertRepoPath(path);
  const absoluteRoot = nodePath.resolve(root);
  const target = nodePath.join(absoluteRoot, ...path.split('/'));
  const realRoot = fs.realpathSync(absoluteRoot);
  // Follow links on the longest prefix that exists; it must stay in the root.
  let existing = target;
  while (!fs.existsSync(existing) && existing !== absoluteRoot) {
    existing = nodePath.dirname(existing);
  }
  const realExisting = fs.realpathSync(existing);
  if (
    realExisting !== realRoot &&
    !realExisting.startsWith(realRoot + nodePath.sep)
  ) {
    throw new GeneratorError(
      `path '${path}' leaves the repository through a symbolic link`,
      { code: 'invalid-repository', file: path },
    );
  }
  return target;
}

/**
 * A read-only view of a repository checked out on disk. Paths are validated
 * and confined to `root`; `.git` is never listed.
 * @public
 */
export function createDirectoryRepoReader(root: string): RepoReader {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new GeneratorError(`repository folder '${root}' does not exist`, {
      code: 'invalid-repository',
    });
  }
  return {
    readFile(path) {
      const target = resolveInsideRoot(root, path);
      try {
        const stat = fs.statSync(target);
        return stat.isFile() ? fs.readFileSync(target, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    isDirectory(path) {
      if (path === '') return true;
      const target = resolveInsideRoot(root, path);
      try {
        return fs.statSync(target).isDirectory();
      } catch {
        return false;
      }
    },
    listDirectory(path) {
      const target =
        path === '' ? nodePath.resolve(root) : resolveInsideRoot(root, path);
      try {
        return fs
          .readdirSync(target)
          .filter(name => name !== '.git')
          .sort();
      } catch {
        return [];
      }
    },
  };
}
