import type {
  ClaimCoverage,
  EntityStorageResponse,
} from '@gitops-storage/plugin-storage-common';
import type { ApiClient } from '../backend/apiClient';
import type { ClusterLayout } from '../fleet/ClusterLayout';
import { entityPath } from '../fleet/fleetModel';
import type { HelperProcess } from '../ipc';

export interface EventTrial {
  cluster: string;
  claim: string;
  /** From asking the fake server to emit the event to the API answering `failing`. */
  ms: number;
}

/** A PVC whose verdict is protected now: backed up, newest copy completed, schedule on time. */
function protectedClaim(
  layout: ClusterLayout,
  start: number,
  used: ReadonlySet<number>,
): number | undefined {
  const { services, days } = layout.size;
  for (let step = 0; step < services; step++) {
    const service = (start + step) % services;
    const schedule = layout.scheduleOfNamespace(
      layout.namespaceOfService(service),
    );
    if (!layout.backsUp(service) || layout.scheduleStalled[schedule]) continue;
    const [first, end] = layout.pvcRange(service);
    for (let pvc = first; pvc < end; pvc++) {
      if (!used.has(pvc) && !layout.volumeBackupFails(days - 1, pvc))
        return pvc;
    }
  }
  return undefined;
}

async function verdictOf(
  api: ApiClient,
  path: string,
  cluster: string,
  claim: string,
) {
  const { body } = await api.get<EntityStorageResponse>(path);
  return body.claims.find(c => c.cluster === cluster && c.name === claim);
}

function describe(claim: ClaimCoverage | undefined): string {
  if (!claim) return 'absent';
  return `${claim.verdict} (${claim.reasons
    .map(r => r.code)
    .join(', ')}); last attempt ${JSON.stringify(claim.lastAttempt)}`;
}

/**
 * Time from a watch event (the newest PodVolumeBackup of a protected volume
 * turns Failed) to the entity endpoint answering `failing` for it, polling
 * every 5 ms. One trial per cluster in turn.
 */
export async function timeEventToVerdict(
  api: ApiClient,
  servers: HelperProcess,
  layouts: readonly ClusterLayout[],
  trials: number,
  timeoutMs = 30_000,
): Promise<EventTrial[]> {
  const results: EventTrial[] = [];
  const used = layouts.map(() => new Set<number>());
  for (let t = 0; t < trials; t++) {
    const clusterIndex = t % layouts.length;
    const layout = layouts[clusterIndex];
    const pvc = protectedClaim(layout, 7 + t * 13, used[clusterIndex]);
    if (pvc === undefined)
      throw new Error(`${layout.name} has no protected volume to fail`);
    used[clusterIndex].add(pvc);
    const claim = layout.pvcName(pvc);
    const path = entityPath(layout.serviceId(layout.serviceOf(pvc)));
    const before = await verdictOf(api, path, layout.name, claim);
    if (before?.verdict !== 'protected') {
      throw new Error(
        `${
          layout.name
        }/${claim} should be protected before the event, is ${describe(
          before,
        )}`,
      );
    }
    const started = performance.now();
    await servers.request('failVolumeBackup', { cluster: clusterIndex, pvc });
    for (;;) {
      const now = await verdictOf(api, path, layout.name, claim);
      if (now?.verdict === 'failing') break;
      if (performance.now() - started > timeoutMs) {
        throw new Error(
          `${
            layout.name
          }/${claim} did not turn failing within ${timeoutMs} ms: ${describe(
            now,
          )}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    results.push({
      cluster: layout.name,
      claim,
      ms: performance.now() - started,
    });
  }
  return results;
}
