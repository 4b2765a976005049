import type { BackupScope } from '../velero/backupSpec';
import { namespaceScope } from '../velero/namespaceGlob';
import type { ClaimKey } from './projections';

/**
 * The claims of every namespace one of the scopes includes: those whose
 * verdict a Backup or Schedule change may touch (pass its old and new scope,
 * so claims that fall out of scope are recomputed too). Label selectors and
 * resource filters are left to evaluation: namespaces are what an index can
 * tell cheaply.
 */
export function claimsInScope(
  claimsByNamespace: ReadonlyMap<string, ReadonlySet<ClaimKey>>,
  scopes: ReadonlyArray<BackupScope | undefined>,
): Set<ClaimKey> {
  const affected = new Set<ClaimKey>();
  for (const [namespace, keys] of claimsByNamespace) {
    const inScope = scopes.some(
      scope => scope && namespaceScope(scope, namespace) === 'included',
    );
    if (inScope) for (const key of keys) affected.add(key);
  }
  return affected;
}
