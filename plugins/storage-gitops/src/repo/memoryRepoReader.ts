import type { RepoReader } from '../types';
import { assertRepoPath } from './repoPath';

/**
 * A repository held in memory: file paths (POSIX, relative) to contents.
 * Folders are implied by the files under them.
 * @public
 */
export function createMemoryRepoReader(
  files: Record<string, string>,
): RepoReader {
  const contents = new Map<string, string>();
  for (const [path, content] of Object.entries(files)) {
    contents.set(assertRepoPath(path, 'file path'), content);
  }
  return {
    readFile(path) {
      return contents.get(assertRepoPath(path));
    },
    isDirectory(path) {
      if (path === '') return true;
      const prefix = `${assertRepoPath(path)}/`;
      for (const file of contents.keys()) {
        if (file.startsWith(prefix)) return true;
      }
      return false;
    },
    listDirectory(path) {
      const prefix = path === '' ? '' : `${assertRepoPath(path)}/`;
      const names = new Set<string>();
      for (const file of contents.keys()) {
        if (file.startsWith(prefix)) {
          names.add(file.slice(prefix.length).split('/')[0]);
        }
      }
      return [...names].sort();
    },
  };
}
