import type { ScheduleOwner, VolumeSource } from '../model';
import type { BackupScope } from '../velero/backupSpec';

/**
 * The small typed records the engine keeps for each raw Kubernetes object:
 * only the fields a verdict depends on.
 */

/** `namespace/name` of a PersistentVolumeClaim. @public */
export type ClaimKey = string;

/** @public */
export function claimKey(namespace: string, name: string): ClaimKey {
  return `${namespace}/${name}`;
}

/** @public */
export interface ProjectedClaim {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  storageClassName?: string;
  volumeName?: string;
  /** Pending, Bound or Lost. */
  phase?: string;
  /** Bound capacity, else the requested size, as a quantity. */
  capacity?: string;
  accessModes: string[];
  /** `gitops-storage.dev/backup-waiver`. */
  waiver?: string;
  /** `gitops-storage.dev/backup-waiver-expires` as written. */
  waiverExpires?: string;
  /** local-path-provisioner's per-claim `volumeType` annotation. */
  volumeTypeAnnotation?: string;
  createdAt?: number;
  /** `metadata.deletionTimestamp` is set: Velero skips items being deleted. */
  deleting?: boolean;
  /** `velero.io/restore-name`: the claim is a copy a Velero restore created. */
  restoredBy?: string;
}

/** @public */
export interface ProjectedVolume {
  name: string;
  source: Exclude<VolumeSource, 'unbound'>;
  storageClassName?: string;
  claimRef?: { namespace: string; name: string; uid?: string };
  capacity?: string;
  csiDriver?: string;
  csiVolumeAttributes?: Record<string, string>;
  nfs?: { server?: string; path?: string };
  /** Velero's `getVolumeTypeFromPV` name (`csi`, `nfs`, `hostPath`, `awsElasticBlockStore`, …). */
  volumeType?: string;
  deleting?: boolean;
  /** Bound, Available, Released or Failed. */
  phase?: string;
}

/** @public */
export interface ProjectedStorageClass {
  name: string;
  provisioner?: string;
  /** The `gitops-storage.dev/tier` label. */
  tierLabel?: string;
  /** local-path-provisioner's `defaultVolumeType` annotation (`hostPath` or `local`). */
  defaultVolumeType?: string;
  isDefault: boolean;
}

/** A pod volume backed by a claim. @public */
export interface PodClaimMount {
  /** The pod volume's name (what Velero's FSB annotations list). */
  volumeName: string;
  claimName: string;
  /** A container (not an init container) mounts it: FSB skips unmounted volumes. */
  mounted?: boolean;
  /** A container attaches it as a block device: FSB skips block volumes. */
  block?: boolean;
}

/** @public */
export interface ProjectedPod {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  phase?: string;
  claimMounts: PodClaimMount[];
  /** `backup.velero.io/backup-volumes` (opt-in), when the pod has it. */
  backupVolumes?: string[];
  /** `backup.velero.io/backup-volumes-excludes` (opt-out). */
  backupVolumesExcludes: string[];
  /** `spec.nodeName`: Velero's IsPodRunning needs a scheduled pod. */
  nodeName?: string;
  deleting?: boolean;
}

/** @public */
export interface ProjectedNamespace {
  name: string;
  labels: Record<string, string>;
  phase?: string;
}

/** @public */
export interface ProjectedBackup {
  namespace: string;
  name: string;
  uid?: string;
  /** The `velero.io/schedule-name` label. */
  scheduleName?: string;
  phase?: string;
  scope: BackupScope;
  createdAt?: number;
  startedAt?: number;
  completedAt?: number;
  expiresAt?: number;
  failureReason?: string;
  validationErrors: string[];
  errors?: number;
  warnings?: number;
  /** `metadata.deletionTimestamp` is set. */
  deleting?: boolean;
  /**
   * CSI snapshots attempted and completed (`status.csiVolumeSnapshots*`),
   * when the Backup reports any: a PartiallyFailed Backup whose snapshots
   * all completed failed elsewhere.
   */
  csiSnapshots?: { attempted: number; completed: number };
}

/** @public */
export interface ProjectedSchedule {
  namespace: string;
  name: string;
  cron: string;
  paused: boolean;
  /** New, Enabled or FailedValidation. */
  phase?: string;
  validationErrors: string[];
  template: BackupScope;
  lastBackup?: number;
  lastSkipped?: number;
  createdAt?: number;
  /** The kro instance (e.g. a BackupPolicy) that manages the Schedule. */
  owner?: ScheduleOwner;
}

/** @public */
export interface ProjectedBsl {
  namespace: string;
  name: string;
  /** Available or Unavailable; absent before Velero validated it. */
  phase?: string;
  default: boolean;
  /** `ReadWrite` (default) or `ReadOnly`: read-only locations take no new backups. */
  accessMode?: string;
  provider?: string;
  lastValidationTime?: string;
  message?: string;
}

/** How a per-volume copy was made. @public */
export type EvidenceMethod = 'fs-backup' | 'data-mover';

/**
 * One copy of one volume, folded from a PodVolumeBackup or DataUpload.
 * @public
 */
export interface EvidenceEntry {
  /** Name of the PodVolumeBackup or DataUpload (in `veleroNamespace`). */
  source: string;
  method: EvidenceMethod;
  /** Namespace of the Velero objects (the Backup's namespace). */
  veleroNamespace: string;
  backup: string;
  phase: string;
  /** Start time (creation time before it started), ms since the epoch. */
  startedAt: number;
  finishedAt?: number;
  message?: string;
}

/** A DeleteBackupRequest: the Backup it names is being deleted. @public */
export interface ProjectedDeleteRequest {
  namespace: string;
  name: string;
  backupName: string;
  /** New, InProgress or Processed. */
  phase?: string;
}

/** A ConfigMap of Velero's namespace (volume policies live in them). @public */
export interface ProjectedConfigMap {
  namespace: string;
  name: string;
  data: Record<string, string>;
}

/** A Velero Restore: which Backup it read and how it ended. @public */
export interface ProjectedRestore {
  namespace: string;
  name: string;
  uid?: string;
  /** `spec.backupName` (Velero fills it in when the Restore names a schedule). */
  backupName?: string;
  /** `spec.scheduleName`, when the Restore was made from a schedule's latest backup. */
  scheduleName?: string;
  /** `spec.namespaceMapping`: source namespace → namespace restored into. */
  namespaceMapping: Record<string, string>;
  phase?: string;
  createdAt?: number;
  startedAt?: number;
  completedAt?: number;
  failureReason?: string;
}

/** How a restored copy of a volume's data was made. @public */
export type RestoreMethod = EvidenceMethod;

/**
 * One volume's data written back by a Restore: a PodVolumeRestore
 * (file-system backup) or a DataDownload (data mover).
 * @public
 */
export interface ProjectedRestoreCopy {
  /** Name of the PodVolumeRestore or DataDownload (in `veleroNamespace`). */
  name: string;
  veleroNamespace: string;
  method: RestoreMethod;
  /** The `velero.io/restore-name` label (cut to 63 characters by Velero). */
  restore: string;
  /** `spec.sourceNamespace`: the namespace the data was backed up from. */
  sourceNamespace: string;
  /** The namespace the data was restored into. */
  targetNamespace: string;
  /** DataDownload: `spec.targetVolume.pvc` (Velero keeps the claim's name). */
  claimName?: string;
  /** PodVolumeRestore: the pod (named as when it was backed up) and its volume. */
  pod?: { name: string; volume: string };
  /** PodVolumeRestore: the `velero.io/pvc-uid` label (the restored claim's uid). */
  restoredClaimUid?: string;
  phase: string;
  startedAt?: number;
  finishedAt?: number;
  message?: string;
}
