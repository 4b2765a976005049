import type { BackupScope } from './backupSpec';

/** The resources whose inclusion decides whether a volume's data is copied. @public */
export type VolumeResource =
  | 'pods'
  | 'persistentvolumeclaims'
  | 'persistentvolumes';

const ALIASES: Record<string, VolumeResource> = {
  pods: 'pods',
  pod: 'pods',
  po: 'pods',
  persistentvolumeclaims: 'persistentvolumeclaims',
  persistentvolumeclaim: 'persistentvolumeclaims',
  pvc: 'persistentvolumeclaims',
  persistentvolumes: 'persistentvolumes',
  persistentvolume: 'persistentvolumes',
  pv: 'persistentvolumes',
};

/** Velero resolves short names, singulars and `resource.group` through discovery. */
function normalize(name: string): string {
  const lower = name.trim().toLowerCase();
  // The core group is empty, so `pods.` and `pods` are the same resource.
  const resource = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return ALIASES[resource] ?? resource;
}

function lists(items: readonly string[], resource: VolumeResource): boolean {
  return items.some(item => item === '*' || normalize(item) === resource);
}

/** Velero's IncludesExcludes: exclusion wins; an empty include list means all. */
function includesExcludes(
  included: readonly string[],
  excluded: readonly string[],
  resource: VolumeResource,
): boolean {
  if (lists(excluded, resource)) return false;
  return included.length === 0 || lists(included, resource);
}

function usesScopedFilters(scope: BackupScope): boolean {
  return (
    scope.includedClusterScopedResources.length > 0 ||
    scope.excludedClusterScopedResources.length > 0 ||
    scope.includedNamespaceScopedResources.length > 0 ||
    scope.excludedNamespaceScopedResources.length > 0
  );
}

/**
 * Whether a backup with these filters keeps a resource type. Handles both the
 * legacy filters (`included/excludedResources`, `includeClusterResources`)
 * and the scoped ones (`included/excluded{Cluster,Namespace}ScopedResources`);
 * Velero rejects a spec that mixes them.
 *
 * PersistentVolumes are cluster-scoped: Velero backs a PVC's bound PV up as a
 * related item unless cluster resources are turned off or the PV is excluded.
 * @public
 */
export function includesResource(
  scope: BackupScope,
  resource: VolumeResource,
): boolean {
  const clusterScoped = resource === 'persistentvolumes';
  if (usesScopedFilters(scope)) {
    if (clusterScoped) {
      // An empty include list still takes the PVs that included PVCs need.
      return !lists(scope.excludedClusterScopedResources, resource);
    }
    return includesExcludes(
      scope.includedNamespaceScopedResources,
      scope.excludedNamespaceScopedResources,
      resource,
    );
  }
  if (clusterScoped && scope.includeClusterResources === false) return false;
  return includesExcludes(
    scope.includedResources,
    scope.excludedResources,
    resource,
  );
}

/** The volume resources a backup's filters leave out. */
export function excludedVolumeResources(
  scope: BackupScope,
  resources: readonly VolumeResource[],
): VolumeResource[] {
  return resources.filter(resource => !includesResource(scope, resource));
}
