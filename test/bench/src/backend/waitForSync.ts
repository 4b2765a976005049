import type { ClustersResponse } from '@gitops-storage/plugin-storage-common';
import type { ApiClient } from './apiClient';

/**
 * Polls `GET /clusters` until every cluster is `synced`, and returns when
 * each got there (ms after `startedAt`, to within the poll interval). A
 * cluster's status turns `synced` when its last kind is listed, and its
 * verdicts are computed in the same tick, before any request is answered.
 */
export async function waitForSync(
  api: ApiClient,
  startedAt: number,
  timeoutMs: number,
  pollMs = 25,
): Promise<Map<string, number>> {
  const syncedAt = new Map<string, number>();
  for (;;) {
    const { body } = await api.get<ClustersResponse>('/api/storage/clusters');
    const now = performance.now();
    for (const cluster of body.clusters) {
      if (cluster.status === 'synced' && !syncedAt.has(cluster.name)) {
        syncedAt.set(cluster.name, now - startedAt);
      }
    }
    if (body.clusters.length > 0 && syncedAt.size === body.clusters.length)
      return syncedAt;
    if (now - startedAt > timeoutMs) {
      const behind = body.clusters
        .filter(c => !syncedAt.has(c.name))
        .map(c => `${c.name}: ${c.status}${c.error ? ` (${c.error})` : ''}`);
      throw new Error(
        `clusters not synced after ${timeoutMs / 1000} s: ${behind.join('; ')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, pollMs));
  }
}
