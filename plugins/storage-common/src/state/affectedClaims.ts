import type { ClaimIndex } from './claimIndex';
import type { PodIndex } from './podIndex';
import type { EvidenceKey } from './projectVelero';
import {
  claimKey,
  type ClaimKey,
  type ProjectedRestoreCopy,
  type ProjectedVolume,
} from './projections';

/*
 * Which existing claims a change of another object touches: the keys a
 * mutation of ClusterState returns, so a cache recomputes only those.
 * (Backup and Schedule scopes: see claimsInScope.)
 */

function claimOfVolume(volume?: ProjectedVolume): ClaimKey | undefined {
  return volume?.claimRef
    ? claimKey(volume.claimRef.namespace, volume.claimRef.name)
    : undefined;
}

/** Claims bound to a PersistentVolume, or named by it before or after a change. */
export function claimsOfVolume(
  claims: ClaimIndex,
  name: string,
  old: ProjectedVolume | undefined,
  current: ProjectedVolume,
): Set<ClaimKey> {
  return claims.existing([
    claims.keyByVolume(name),
    claimOfVolume(old),
    claimOfVolume(current),
  ]);
}

/** Claims of a StorageClass: by their own class, else their volume's. */
export function claimsOfStorageClass(
  claims: ClaimIndex,
  volumes: ReadonlyMap<string, ProjectedVolume>,
  className: string,
): Set<ClaimKey> {
  const affected = new Set<ClaimKey>();
  for (const [key, claim] of claims.entries()) {
    const name =
      claim.storageClassName ??
      (claim.volumeName
        ? volumes.get(claim.volumeName)?.storageClassName
        : undefined);
    if (name === className) affected.add(key);
  }
  return affected;
}

/**
 * The existing claim a folded copy's key names, if any. Runs for every
 * PodVolumeBackup event: lookups only.
 */
export function claimOfEvidenceKey(
  claims: ClaimIndex,
  pods: PodIndex,
  key: EvidenceKey,
): ClaimKey | undefined {
  let claim: ClaimKey | undefined;
  if (key.by === 'uid') {
    claim = claims.keyByUid(key.id);
  } else if (key.by === 'pvc') {
    claim = key.id;
  } else {
    const [namespace, podName, volume] = key.id.split('/');
    const name = pods.claimOfPodVolume(namespace, podName, volume);
    claim = name === undefined ? undefined : claimKey(namespace, name);
  }
  return claim !== undefined && claims.has(claim) ? claim : undefined;
}

/** Existing claims whose restored copies may have changed. */
export function claimsOfRestoreCopy(
  claims: ClaimIndex,
  copy: ProjectedRestoreCopy,
  sourceNamespaces: readonly string[],
): Set<ClaimKey> {
  const affected = new Set<ClaimKey>();
  for (const namespace of sourceNamespaces) {
    if (copy.claimName !== undefined) {
      affected.add(claimKey(namespace, copy.claimName));
      continue;
    }
    // A PodVolumeRestore is resolved through pods and restored claims:
    // every claim of its source namespace may be the one.
    for (const key of claims.inNamespace(namespace)) affected.add(key);
  }
  return claims.existing(affected);
}
