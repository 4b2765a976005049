import type { Reason } from '../model';
import type { ClusterState, KindReadability } from '../state/ClusterState';
import {
  REQUIRED_CORE_KINDS,
  REQUIRED_VELERO_KINDS,
  type ResourceKind,
} from '../state/resourceKinds';
import * as reasons from './messages';

/** Reasons that make every claim of the cluster unknown, if any. */
export function clusterUnknownReasons(
  state: ClusterState,
  cluster: string,
): Reason[] {
  const reachability = state.reachability();
  if (!reachability.reachable)
    return [reasons.clusterUnreachable(cluster, reachability.message)];
  const found: Reason[] = [];
  for (const kind of REQUIRED_CORE_KINDS) {
    const readability = state.readability(kind);
    if (readability.status !== 'readable')
      found.push(reasons.coreUnreadable(cluster, kind, readability));
  }
  const velero: Array<[ResourceKind, KindReadability]> =
    REQUIRED_VELERO_KINDS.map((kind): [ResourceKind, KindReadability] => [
      kind,
      state.readability(kind),
    ]).filter(([, r]) => r.status !== 'readable');
  if (velero.length > 0) found.push(reasons.veleroUnreadable(cluster, velero));
  return found;
}
