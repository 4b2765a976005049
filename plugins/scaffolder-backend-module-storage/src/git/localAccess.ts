import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { RepoLocation } from './repoUrl';

/**
 * Local repositories are files on the backend host, so a template may only
 * clone them from directories the operator allowed; otherwise any git
 * repository on the server could be read through a template.
 */
export function assertRepoAllowed(
  location: RepoLocation,
  allowedLocalRoots: string[],
): void {
  if (location.kind !== 'local') {
    return;
  }
  const allowed = allowedLocalRoots.some(
    root => root === location.path || isChildPath(root, location.path),
  );
  if (!allowed) {
    throw new InputError(
      `Local repository '${location.path}' is outside storage.gitops.allowedLocalRoots; ` +
        `add its directory there (or set storage.gitops.repoUrl) to use it`,
    );
  }
}
