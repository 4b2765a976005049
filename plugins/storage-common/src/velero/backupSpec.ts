import { readLabelSelector, type LabelSelector } from '../kube/labelSelector';
import {
  arrayAt,
  booleanAt,
  isRecord,
  stringAt,
  stringsAt,
} from '../kube/objects';

/**
 * The parts of a Velero BackupSpec (a Backup's `spec`, or a Schedule's
 * `spec.template`) that decide which volumes a backup copies, and how.
 * @public
 */
export interface BackupScope {
  includedNamespaces: string[];
  excludedNamespaces: string[];
  includedResources: string[];
  excludedResources: string[];
  includeClusterResources?: boolean;
  includedClusterScopedResources: string[];
  excludedClusterScopedResources: string[];
  includedNamespaceScopedResources: string[];
  excludedNamespaceScopedResources: string[];
  labelSelector?: LabelSelector;
  orLabelSelectors: LabelSelector[];
  /** nil counts as true in Velero. */
  snapshotVolumes?: boolean;
  /** nil means "the server default" (`--default-volumes-to-fs-backup`). */
  defaultVolumesToFsBackup?: boolean;
  /** CSI snapshot data movement (DataUploads). */
  snapshotMoveData?: boolean;
  /** BackupStorageLocation name; nil means the default location. */
  storageLocation?: string;
}

/** Read a raw BackupSpec; fields Velero would reject are read as written. */
export function readBackupScope(spec: unknown): BackupScope {
  const labelSelector = readLabelSelector(
    isRecord(spec) ? spec.labelSelector : undefined,
  );
  return {
    includedNamespaces: stringsAt(spec, 'includedNamespaces'),
    excludedNamespaces: stringsAt(spec, 'excludedNamespaces'),
    includedResources: stringsAt(spec, 'includedResources'),
    excludedResources: stringsAt(spec, 'excludedResources'),
    includeClusterResources: booleanAt(spec, 'includeClusterResources'),
    includedClusterScopedResources: stringsAt(
      spec,
      'includedClusterScopedResources',
    ),
    excludedClusterScopedResources: stringsAt(
      spec,
      'excludedClusterScopedResources',
    ),
    includedNamespaceScopedResources: stringsAt(
      spec,
      'includedNamespaceScopedResources',
    ),
    excludedNamespaceScopedResources: stringsAt(
      spec,
      'excludedNamespaceScopedResources',
    ),
    ...(labelSelector ? { labelSelector } : {}),
    orLabelSelectors: arrayAt(spec, 'orLabelSelectors')
      .map(readLabelSelector)
      .filter((s): s is LabelSelector => s !== undefined),
    snapshotVolumes: booleanAt(spec, 'snapshotVolumes'),
    defaultVolumesToFsBackup: booleanAt(spec, 'defaultVolumesToFsBackup'),
    snapshotMoveData: booleanAt(spec, 'snapshotMoveData'),
    storageLocation: stringAt(spec, 'storageLocation') || undefined,
  };
}
