import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';

/**
 * Whether a cluster could hold volumes of an entity that its answer does not
 * show: the cluster is not fully synced, some kind failed to be read (the
 * frontend's "could only be read in part"), or its data is older than
 * allowed. Such a cluster belongs in every answer it could affect, even one
 * without volumes from it; a healthy cluster belongs only in the answers of
 * entities with volumes there.
 *
 * As a status changes only with its source, the answer comes in two parts:
 * `now`, from the status alone, and `after`, the time (ms) from which the
 * data is too old, when it is not yet.
 */
export function volumesHiddenBy(status: ClusterStatus): {
  now: boolean;
  after?: number;
} {
  if (status.status !== 'synced') return { now: true };
  if (status.resources?.some(r => r.status !== 'synced' && r.error))
    return { now: true };
  if (status.staleAfterSeconds === undefined) return { now: false };
  if (!status.lastConfirmedAt) return { now: true };
  return {
    now: false,
    after: Date.parse(status.lastConfirmedAt) + status.staleAfterSeconds * 1000,
  };
}
