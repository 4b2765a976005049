import type { BackupScope } from './backupSpec';
import { matchesGlob } from './namespaceGlob';

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

/**
 * Whether a filter list names the resource: as discovery resolves it
 * (`pvc` → `persistentvolumeclaims`), or as a glob over the resolved name
 * (`globStringSet.match`).
 */
function lists(items: readonly string[], resource: VolumeResource): boolean {
  return items.some(
    item => normalize(item) === resource || matchesGlob(item.trim(), resource),
  );
}

/** `IncludesExcludes.ShouldInclude`: excludes first, then empty or `*` or a match. */
function shouldInclude(
  included: readonly string[],
  excluded: readonly string[],
  resource: VolumeResource,
): boolean {
  if (lists(excluded, resource)) return false;
  return (
    included.length === 0 || included.includes('*') || lists(included, resource)
  );
}

/** `collections.UseOldResourceFilters`. */
export function usesOldResourceFilters(scope: BackupScope): boolean {
  return (
    scope.includeClusterResources !== undefined ||
    scope.includedResources.length > 0 ||
    scope.excludedResources.length > 0
  );
}

/** Whether the spec mixes old and new filters (`oldAndNewFilterParametersUsedTogether`). */
export function mixesResourceFilters(scope: BackupScope): boolean {
  const newStyle =
    scope.includedClusterScopedResources.length > 0 ||
    scope.excludedClusterScopedResources.length > 0 ||
    scope.includedNamespaceScopedResources.length > 0 ||
    scope.excludedNamespaceScopedResources.length > 0;
  return newStyle && usesOldResourceFilters(scope);
}

/**
 * Whether a backup keeps items of a volume resource, as
 * `itemInclusionChecks` asks its filter: `ShouldInclude` for the namespaced
 * pods and claims, `ShouldExclude` for the cluster-scoped PVs (which come in
 * as additional items of their claims). Old filters are
 * `GlobalIncludesExcludes`, new ones `ScopeIncludesExcludes`.
 * @public
 */
export function includesResource(
  scope: BackupScope,
  resource: VolumeResource,
): boolean {
  const clusterScoped = resource === 'persistentvolumes';
  if (usesOldResourceFilters(scope)) {
    if (!clusterScoped) {
      return shouldInclude(
        scope.includedResources,
        scope.excludedResources,
        resource,
      );
    }
    if (lists(scope.excludedResources, resource)) return false;
    if (scope.includeClusterResources === false) return false;
    if (
      scope.includeClusterResources === undefined &&
      !shouldInclude(scope.includedResources, scope.excludedResources, resource)
    ) {
      return false;
    }
    return true;
  }
  if (clusterScoped) {
    return !lists(scope.excludedClusterScopedResources, resource);
  }
  const excluded = scope.excludedNamespaceScopedResources;
  if (excluded.includes('*') || lists(excluded, resource)) return false;
  const included = scope.includedNamespaceScopedResources;
  return (
    included.length === 0 || included.includes('*') || lists(included, resource)
  );
}

/** The volume resources of `resources` that the backup leaves out. @public */
export function excludedVolumeResources(
  scope: BackupScope,
  resources: readonly VolumeResource[],
): VolumeResource[] {
  return resources.filter(resource => !includesResource(scope, resource));
}
