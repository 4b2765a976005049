import {
  RESOURCE_KIND_INFO,
  RESOURCE_KINDS,
  type ResourceKind,
} from '@gitops-storage/plugin-storage-common';

/**
 * Velero's kinds, and kinds scoped to Velero (its volume-policy ConfigMaps),
 * are read in Velero's namespace; the rest cluster-wide.
 */
const VELERO_GROUP = 'velero.io';

/** The collection path the plugin lists and watches for a kind. */
export function collectionPath(
  kind: ResourceKind,
  veleroNamespace: string,
): string {
  const { group, version, plural, scope } = RESOURCE_KIND_INFO[kind];
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return group === VELERO_GROUP || scope === 'velero'
    ? `${prefix}/namespaces/${veleroNamespace}/${plural}`
    : `${prefix}/${plural}`;
}

export function isVeleroKind(kind: ResourceKind): boolean {
  return RESOURCE_KIND_INFO[kind].group === VELERO_GROUP;
}

/** Every kind the plugin reads, core kinds first. */
export const WATCHED_KINDS: readonly ResourceKind[] = RESOURCE_KINDS;
