import {
  RESOURCE_KIND_INFO,
  RESOURCE_KINDS,
  type ResourceKind,
} from '@gitops-storage/plugin-storage-common';

/** Velero's kinds live in its own namespace; the rest are read cluster-wide. */
const VELERO_GROUP = 'velero.io';

/** The collection path the plugin lists and watches for a kind. */
export function collectionPath(
  kind: ResourceKind,
  veleroNamespace: string,
): string {
  const { group, version, plural } = RESOURCE_KIND_INFO[kind];
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return group === VELERO_GROUP
    ? `${prefix}/namespaces/${veleroNamespace}/${plural}`
    : `${prefix}/${plural}`;
}

export function isVeleroKind(kind: ResourceKind): boolean {
  return RESOURCE_KIND_INFO[kind].group === VELERO_GROUP;
}

/** Every kind the plugin reads, core kinds first. */
export const WATCHED_KINDS: readonly ResourceKind[] = RESOURCE_KINDS;
