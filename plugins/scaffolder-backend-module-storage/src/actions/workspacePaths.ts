import fs from 'node:fs/promises';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** Where the templates check the GitOps repository out by default. */
export const DEFAULT_REPO_PATH = 'gitops';

/**
 * Resolves a workspace-relative folder, refusing anything that leaves the
 * workspace (`..`, absolute paths, symbolic links out). Names the field.
 */
export function resolveWorkspaceDir(
  workspacePath: string,
  relativePath: string,
  field: string,
): string {
  try {
    return resolveSafeChildPath(workspacePath, relativePath);
  } catch {
    throw new InputError(
      `${field} '${relativePath}' must be a folder inside the task workspace`,
    );
  }
}

/** True when the path is a folder. */
export async function isDirectory(p: string): Promise<boolean> {
  const stat = await fs.stat(p).catch(() => undefined);
  return Boolean(stat?.isDirectory());
}

/** True when the path is absent or an empty folder. */
export async function isAbsentOrEmpty(p: string): Promise<boolean> {
  const stat = await fs.stat(p).catch(() => undefined);
  if (!stat) {
    return true;
  }
  return stat.isDirectory() && (await fs.readdir(p)).length === 0;
}
