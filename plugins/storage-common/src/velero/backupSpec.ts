import { parseGoDuration } from './goDuration';
import { readLabelSelector, type LabelSelector } from '../kube/labelSelector';
import {
  arrayAt,
  booleanAt,
  isRecord,
  recordAt,
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
  /**
   * Whether `orLabelSelectors` is present at all: Velero rejects a spec that
   * has both it (even empty) and `labelSelector`.
   */
  orLabelSelectorsSet?: boolean;
  /** An empty selector (`{}`): Velero formats it as `<none>` and its list calls fail. */
  emptySelector?: boolean;
  /** `spec.resourcePolicy`: the volume-policy ConfigMap (kind `configmap`). */
  resourcePolicy?: { kind: string; name: string };
  /** nil counts as true in Velero. */
  snapshotVolumes?: boolean;
  /** nil means "the server default" (`--default-volumes-to-fs-backup`). */
  defaultVolumesToFsBackup?: boolean;
  /** CSI snapshot data movement (DataUploads). */
  snapshotMoveData?: boolean;
  /** BackupStorageLocation name; nil means the default location. */
  storageLocation?: string;
  /** `spec.ttl` in seconds; undefined (or 0) means the server default, 720h. */
  ttlSeconds?: number;
}

function ttlOf(text: string | undefined): number | undefined {
  const ms = text ? parseGoDuration(text) : undefined;
  return ms ? ms / 1000 : undefined;
}

/** Read a raw BackupSpec; fields Velero would reject are read as written. */
export function readBackupScope(spec: unknown): BackupScope {
  const labelSelector = readLabelSelector(
    isRecord(spec) ? spec.labelSelector : undefined,
  );
  const orRaw = isRecord(spec) ? spec.orLabelSelectors : undefined;
  const isEmpty = (raw: unknown) => {
    const selector = readLabelSelector(raw);
    return (
      selector !== undefined &&
      !selector.matchLabels &&
      !selector.matchExpressions
    );
  };
  const emptySelector =
    (isRecord(spec) && isEmpty(spec.labelSelector)) ||
    (Array.isArray(orRaw) && orRaw.some(isEmpty));
  const policy = recordAt(spec, 'resourcePolicy');
  const policyName = stringAt(policy, 'name');
  return {
    ...(Array.isArray(orRaw) ? { orLabelSelectorsSet: true } : {}),
    ...(emptySelector ? { emptySelector: true } : {}),
    ...(policyName
      ? {
          resourcePolicy: {
            kind: stringAt(policy, 'kind') ?? '',
            name: policyName,
          },
        }
      : {}),
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
    ...(ttlOf(stringAt(spec, 'ttl'))
      ? { ttlSeconds: ttlOf(stringAt(spec, 'ttl')) }
      : {}),
  };
}
