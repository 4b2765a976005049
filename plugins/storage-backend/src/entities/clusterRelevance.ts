import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';

/**
 * Whether a cluster could hold volumes of an entity that its answer does not
 * show: the cluster is not fully synced, some kind failed to be read (the
 * frontend's "could only be read in part"), or its data is older than
 * allowed. Such a cluster belongs in every answer it
 * could affect, even one without volumes from it; a healthy cluster belongs
 * only in the answers of entities with volumes there.
 */
export function mayHideVolumes(status: ClusterStatus, nowMs: number): boolean {
  if (status.status !== 'synced') return true;
  if (status.resources?.some(r => r.status !== 'synced' && r.error))
    return true;
  if (status.staleAfterSeconds === undefined) return false;
  if (!status.lastConfirmedAt) return true;
  return (
    nowMs - Date.parse(status.lastConfirmedAt) > status.staleAfterSeconds * 1000
  );
}
