import {
  claimKey,
  matchesLabelSelector,
  type ClaimKey,
} from '@gitops-storage/plugin-storage-common';
import type { ClusterCache } from '../store/ClusterCache';
import type { LabelIndex } from '../store/LabelIndex';
import type { EntityTarget } from './entityTarget';

/**
 * The claims of an entity in one cluster: claims mounted by its pods, plus
 * claims its selector matches directly.
 */
export function resolveClaims(
  cache: ClusterCache,
  target: EntityTarget,
): Set<ClaimKey> {
  const result = new Set<ClaimKey>();
  for (const podKey of matching(cache.pods, target)) {
    const [namespace, name] = splitKey(podKey);
    for (const mount of cache.state.pod(namespace, name)?.claimMounts ?? []) {
      result.add(claimKey(namespace, mount.claimName));
    }
  }
  for (const key of matching(cache.claims, target)) result.add(key);
  return result;
}

function* matching(index: LabelIndex, target: EntityTarget): Iterable<string> {
  const inNamespace = (key: string) =>
    !target.namespace || key.startsWith(`${target.namespace}/`);
  if (target.kubernetesId !== undefined) {
    for (const key of index.withKubernetesId(target.kubernetesId)) {
      if (inNamespace(key)) yield key;
    }
    return;
  }
  for (const [key, labels] of index.entries()) {
    if (inNamespace(key) && matchesLabelSelector(target.selector, labels))
      yield key;
  }
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
