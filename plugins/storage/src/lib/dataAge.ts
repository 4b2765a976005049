import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';

/**
 * When a cluster's data was last confirmed current: the backend's
 * `lastConfirmedAt` (the oldest over the kinds it serves), else the oldest
 * `lastEventAt` of its readable kinds. Undefined when some kind was never
 * read: the data's age is then unknown, not "now".
 */
export function clusterConfirmedAt(cluster: ClusterStatus): string | undefined {
  if (cluster.lastConfirmedAt) return cluster.lastConfirmedAt;
  const kinds = (cluster.resources ?? []).filter(
    r => r.status !== 'absent' && r.status !== 'forbidden',
  );
  if (kinds.length === 0 || kinds.some(r => !r.lastEventAt)) return undefined;
  return kinds
    .map(r => r.lastEventAt!)
    .reduce((oldest, at) =>
      Date.parse(at) < Date.parse(oldest) ? at : oldest,
    );
}

/** True when the cluster's data is older than the backend allows (its volumes are unknown). */
export function isDataStale(cluster: ClusterStatus, now: number): boolean {
  if (cluster.staleAfterSeconds === undefined) return false;
  const at = clusterConfirmedAt(cluster);
  if (!at) return cluster.source === 'kubernetes';
  return now - Date.parse(at) > cluster.staleAfterSeconds * 1000;
}
