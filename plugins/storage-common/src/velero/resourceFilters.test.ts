import { readBackupScope } from './backupSpec';
import { includesResource, type VolumeResource } from './resourceFilters';

type Row = [string, Record<string, unknown>, VolumeResource, boolean];

describe('includesResource (GlobalIncludesExcludes / ScopeIncludesExcludes as itemInclusionChecks asks them; TestNamespaceScopedShouldInclude, TestShouldExcluded)', () => {
  it.each<Row>([
    ['no filters keep pods', {}, 'pods', true],
    ['no filters keep PVCs', {}, 'persistentvolumeclaims', true],
    ['no filters keep PVs', {}, 'persistentvolumes', true],
    [
      'includedResources * keeps pods',
      { includedResources: ['*'] },
      'pods',
      true,
    ],
    [
      'includedResources without pods',
      { includedResources: ['deployments', 'persistentvolumeclaims'] },
      'pods',
      false,
    ],
    [
      'includedResources with pod alias',
      { includedResources: ['po'] },
      'pods',
      true,
    ],
    [
      'includedResources with pvc alias',
      { includedResources: ['pvc'] },
      'persistentvolumeclaims',
      true,
    ],
    [
      'includedResources without PVs',
      { includedResources: ['pods', 'persistentvolumeclaims'] },
      'persistentvolumes',
      false,
    ],
    ['excludedResources pods', { excludedResources: ['pods'] }, 'pods', false],
    [
      'excludedResources singular',
      { excludedResources: ['Pod'] },
      'pods',
      false,
    ],
    [
      'excludedResources persistentvolumeclaims',
      { excludedResources: ['persistentvolumeclaims'] },
      'persistentvolumeclaims',
      false,
    ],
    [
      'excludedResources pv alias',
      { excludedResources: ['pv'] },
      'persistentvolumes',
      false,
    ],
    [
      'excludedResources * wins',
      { includedResources: ['pods'], excludedResources: ['*'] },
      'pods',
      false,
    ],
    [
      'exclusion wins over inclusion',
      { includedResources: ['pods'], excludedResources: ['pods'] },
      'pods',
      false,
    ],
    [
      'other exclusions do not matter',
      { excludedResources: ['secrets', 'configmaps'] },
      'pods',
      true,
    ],
    [
      'includeClusterResources false drops PVs',
      { includeClusterResources: false },
      'persistentvolumes',
      false,
    ],
    [
      'includeClusterResources false keeps PVCs',
      { includeClusterResources: false },
      'persistentvolumeclaims',
      true,
    ],
    [
      'includeClusterResources true keeps PVs',
      { includeClusterResources: true },
      'persistentvolumes',
      true,
    ],
    ['core group suffix', { excludedResources: ['pods.'] }, 'pods', false],
    [
      'scoped: namespace include without pods',
      { includedNamespaceScopedResources: ['persistentvolumeclaims'] },
      'pods',
      false,
    ],
    [
      'scoped: namespace include with pods',
      { includedNamespaceScopedResources: ['pods', 'persistentvolumeclaims'] },
      'pods',
      true,
    ],
    [
      'scoped: namespace exclude PVCs',
      { excludedNamespaceScopedResources: ['persistentvolumeclaims'] },
      'persistentvolumeclaims',
      false,
    ],
    [
      'scoped: namespace include * ',
      { includedNamespaceScopedResources: ['*'] },
      'pods',
      true,
    ],
    [
      'scoped: cluster exclude PVs',
      { excludedClusterScopedResources: ['persistentvolumes'] },
      'persistentvolumes',
      false,
    ],
    [
      'scoped: cluster exclude *',
      { excludedClusterScopedResources: ['*'] },
      'persistentvolumes',
      false,
    ],
    [
      'scoped: PVs follow their PVCs by default',
      { includedClusterScopedResources: ['storageclasses'] },
      'persistentvolumes',
      true,
    ],
    [
      'scoped: cluster filters leave pods alone',
      { excludedClusterScopedResources: ['persistentvolumes'] },
      'pods',
      true,
    ],
  ])('%s', (_name, spec, resource, expected) => {
    expect(includesResource(readBackupScope(spec), resource)).toBe(expected);
  });
});
