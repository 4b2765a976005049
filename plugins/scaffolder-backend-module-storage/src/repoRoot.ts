import fs from 'node:fs';
import path from 'node:path';

function isWorkspaceRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
    );
    return Boolean(pkg.workspaces);
  } catch {
    return false;
  }
}

/**
 * The monorepo root: the nearest folder at or above `startDir` whose
 * package.json declares workspaces. The backend runs from packages/backend,
 * while config paths like `.data/gitops.git` are meant from the root.
 * Falls back to `startDir` when there is none (a packaged backend).
 */
export function findRepoRoot(startDir: string = process.cwd()): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (isWorkspaceRoot(dir)) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return path.resolve(startDir);
    }
    dir = parent;
  }
}
