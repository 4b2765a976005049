import type {
  BackupStorageLocationStatus,
  ClusterHealth,
  ClusterStatus,
  ResourceStatus,
} from '../model';
import type { ClusterState, ResourceReadStatus } from '../state/ClusterState';
import { RESOURCE_KINDS, resourceName } from '../state/resourceKinds';

/** Status of each BackupStorageLocation of a cluster. @public */
export function backupStorageLocationStatuses(
  state: ClusterState,
  cluster: string,
  veleroNamespace?: string,
): BackupStorageLocationStatus[] {
  return [...state.backupStorageLocations()]
    .filter(
      bsl => veleroNamespace === undefined || bsl.namespace === veleroNamespace,
    )
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(bsl => ({
      cluster,
      name: bsl.name,
      phase:
        bsl.phase === 'Available' || bsl.phase === 'Unavailable'
          ? bsl.phase
          : 'Unknown',
      default: bsl.default,
      ...(bsl.provider ? { provider: bsl.provider } : {}),
      ...(bsl.lastValidationTime
        ? { lastValidationTime: bsl.lastValidationTime }
        : {}),
      ...(bsl.message ? { message: bsl.message } : {}),
    }));
}

const RESOURCE_HEALTH: Record<ResourceReadStatus, ResourceStatus['status']> = {
  readable: 'synced',
  forbidden: 'forbidden',
  absent: 'absent',
  error: 'error',
};

/**
 * How well a cluster's state could be read: unreachable, forbidden or error
 * when any kind could not be read (per kind in `resources`), else synced
 * (kinds the API does not serve are named in `error` but keep it synced).
 * @public
 */
export function describeClusterStatus(
  state: ClusterState,
  name: string,
  source: ClusterStatus['source'],
): ClusterStatus {
  const counts = state.counts();
  const resources: ResourceStatus[] = RESOURCE_KINDS.map(kind => {
    const readability = state.readability(kind);
    return {
      resource: resourceName(kind),
      status: RESOURCE_HEALTH[readability.status],
      ...(readability.message ? { error: readability.message } : {}),
      ...(kind !== 'PodVolumeBackup' && kind !== 'DataUpload'
        ? { objects: counts[kind] }
        : {}),
    };
  });
  const reachability = state.reachability();
  let status: ClusterHealth = 'synced';
  let error: string | undefined;
  if (!reachability.reachable) {
    status = 'unreachable';
    error = reachability.message ?? 'the cluster could not be reached';
  } else {
    const unread = resources.filter(r => r.status !== 'synced');
    if (unread.length > 0) {
      if (unread.some(r => r.status === 'forbidden')) status = 'forbidden';
      else if (unread.some(r => r.status === 'error')) status = 'error';
      error = unread
        .map(r => r.error ?? `${r.resource}: ${r.status}`)
        .join('; ');
    }
  }
  return {
    name,
    status,
    ...(error ? { error } : {}),
    ...(source ? { source } : {}),
    resources,
  };
}
