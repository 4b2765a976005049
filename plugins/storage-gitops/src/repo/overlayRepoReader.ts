import type { ChangeSet, RepoReader } from '../types';
import { assertRepoPath } from './repoPath';

/**
 * A view of `base` with a change set's files applied on top, without writing
 * anything. Used to chain generators and to check idempotency in memory.
 * @public
 */
export function overlayRepoReader(
  base: RepoReader,
  changeSet: ChangeSet,
): RepoReader {
  const overlay = new Map<string, string>();
  for (const change of changeSet.changes) {
    overlay.set(assertRepoPath(change.path, 'change path'), change.content);
  }
  const createdUnder = (folder: string): string[] => {
    const prefix = folder === '' ? '' : `${folder}/`;
    return [...overlay.keys()]
      .filter(file => file.startsWith(prefix))
      .map(file => file.slice(prefix.length).split('/')[0]);
  };
  return {
    readFile(path) {
      return overlay.get(assertRepoPath(path)) ?? base.readFile(path);
    },
    isDirectory(path) {
      return (
        base.isDirectory(path) || createdUnder(assertRepoPath(path)).length > 0
      );
    },
    listDirectory(path) {
      const names = new Set(base.listDirectory(path));
      for (const name of createdUnder(
        path === '' ? '' : assertRepoPath(path),
      )) {
        names.add(name);
      }
      return [...names].sort();
    },
  };
}
