import type { ChangeSet, RepoReader } from '../types';
import { assertRepoPath } from './repoPath';

/**
 * A view of `base` with a change set's files applied on top (deleted files
 * gone), without writing
 * anything. Used to chain generators and to check idempotency in memory.
 * @public
 */
export function overlayRepoReader(
  base: RepoReader,
  changeSet: ChangeSet,
): RepoReader {
  const overlay = new Map<string, string>();
  const deleted = new Set<string>();
  for (const change of changeSet.changes) {
    const path = assertRepoPath(change.path, 'change path');
    if (change.action === 'delete') deleted.add(path);
    else overlay.set(path, change.content);
  }
  const createdUnder = (folder: string): string[] => {
    const prefix = folder === '' ? '' : `${folder}/`;
    return [...overlay.keys()]
      .filter(file => file.startsWith(prefix))
      .map(file => file.slice(prefix.length).split('/')[0]);
  };
  const isDeleted = (folder: string, name: string) =>
    deleted.has(folder === '' ? name : `${folder}/${name}`);
  return {
    readFile(path) {
      const clean = assertRepoPath(path);
      if (deleted.has(clean)) return undefined;
      return overlay.get(clean) ?? base.readFile(path);
    },
    isDirectory(path) {
      return (
        base.isDirectory(path) || createdUnder(assertRepoPath(path)).length > 0
      );
    },
    listDirectory(path) {
      const folder = path === '' ? '' : assertRepoPath(path);
      const names = new Set(
        base.listDirectory(path).filter(name => !isDeleted(folder, name)),
      );
      for (const name of createdUnder(folder)) {
        names.add(name);
      }
      return [...names].sort();
    },
  };
}
