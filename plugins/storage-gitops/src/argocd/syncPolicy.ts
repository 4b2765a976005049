/**
 * Sync waves of the prod app-of-apps (Argo CD orders the child
 * Applications of a sync by this annotation, lowest first, and waits for
 * each wave to be healthy — argocd-cm's Application health check): Argo CD
 * settings, then kro, then the storage apps, before the services (wave 0).
 */
export const SYNC_WAVES = {
  argocdSettings: '-3',
  kro: '-2',
  storage: '-1',
} as const;

/** Retry with backoff: auto-sync does not retry a failed sync of the same commit otherwise. */
export function syncRetry() {
  return {
    limit: 5,
    backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
  };
}
