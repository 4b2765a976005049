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

/**
 * Kept for every Backup and Schedule: most of these lists are empty, so
 * they share one empty array (nothing mutates a scope).
 */
const NONE: string[] = Object.freeze([]) as unknown as string[];

function listAt(spec: unknown, key: string): string[] {
  const list = stringsAt(spec, key);
  return list.length === 0 ? NONE : list;
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
    includedNamespaces: listAt(spec, 'includedNamespaces'),
    excludedNamespaces: listAt(spec, 'excludedNamespaces'),
    includedResources: listAt(spec, 'includedResources'),
    excludedResources: listAt(spec, 'excludedResources'),
    includeClusterResources: booleanAt(spec, 'includeClusterResources'),
    includedClusterScopedResources: listAt(
      spec,
      'includedClusterScopedResources',
    ),
    excludedClusterScopedResources: listAt(
      spec,
      'excludedClusterScopedResources',
    ),
    includedNamespaceScopedResources: listAt(
      spec,
      'includedNamespaceScopedResources',
    ),
    excludedNamespaceScopedResources: listAt(
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
