import { createHash } from 'node:crypto';
import type { FleetSize } from './FleetSize';
import { GeneratedClusterStore } from './GeneratedClusterStore';

const RESOURCES: Array<[string, string, string]> = [
  ['', 'v1', 'namespaces'],
  ['storage.k8s.io', 'v1', 'storageclasses'],
  ['', 'v1', 'persistentvolumes'],
  ['', 'v1', 'persistentvolumeclaims'],
  ['', 'v1', 'pods'],
  ['velero.io', 'v1', 'backupstoragelocations'],
  ['velero.io', 'v1', 'schedules'],
  ['velero.io', 'v1', 'backups'],
  ['velero.io', 'v1', 'podvolumebackups'],
];

/**
 * A digest of every object of the fleet generated for `now` (all of them:
 * use it on small fleets), and how many there are of each resource.
 */
export function fleetFingerprint(size: FleetSize, now: number) {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (let c = 0; c < size.clusters; c++) {
    const store = new GeneratedClusterStore(size, c, now);
    for (const [group, version, resource] of RESOURCES) {
      const path = { group, version, resource };
      const { items, total } = store.listPageJson(
        path,
        0,
        Number.MAX_SAFE_INTEGER,
      );
      for (const item of items) hash.update(item);
      counts[resource] = (counts[resource] ?? 0) + total;
    }
  }
  return { digest: hash.digest('hex'), counts };
}
